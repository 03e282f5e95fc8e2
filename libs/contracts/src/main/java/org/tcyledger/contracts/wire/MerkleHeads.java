package org.tcyledger.contracts.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 Merkle root over every stream head of a source, as a checkpoint signs it. Leaves are the heads sorted by
 * the UTF-8 bytes of their subject; a leaf is {@code SHA-256(0x00 || subject || 0x0A || sequence || 0x0A || hash)}
 * and a node {@code SHA-256(0x01 || left || right)}, split at the largest power of two below the count as in
 * RFC 6962 §2.1; the root of no heads is {@code SHA-256("")}. Lower-case hex.
 */
public final class MerkleHeads {

    private static final Comparator<byte[]> UTF8_ORDER = Arrays::compareUnsigned;

    private MerkleHeads() {
    }

    public static String root(Collection<StreamHead> heads) {
        List<byte[]> leaves = heads.stream()
                .sorted(Comparator.comparing(head -> head.subject().getBytes(StandardCharsets.UTF_8), UTF8_ORDER))
                .map(MerkleHeads::leaf)
                .toList();
        return HexFormat.of().formatHex(leaves.isEmpty() ? sha256().digest() : node(leaves, 0, leaves.size()));
    }

    private static byte[] leaf(StreamHead head) {
        MessageDigest digest = sha256();
        digest.update((byte) 0);
        digest.update((head.subject() + "\n" + head.sequence() + "\n" + head.hash()).getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static byte[] node(List<byte[]> leaves, int from, int to) {
        int count = to - from;
        if (count == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(count - 1);
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(node(leaves, from, from + split));
        digest.update(node(leaves, from + split, to));
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
