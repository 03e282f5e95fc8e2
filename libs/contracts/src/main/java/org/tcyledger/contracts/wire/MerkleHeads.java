package org.tcyledger.contracts.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;

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

    /**
     * The leaves' order, the subjects' UTF-8 bytes compared unsigned, which is the order of their code points: a map
     * kept in it (a {@code TreeMap}) gives its heads in order, for {@link #rootOfOrdered} without a sort. Distinct
     * strings never compare equal, even those UTF-8 cannot encode (a lone surrogate).
     */
    public static final Comparator<String> SUBJECT_ORDER = (left, right) -> {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    };

    /**
     * @throws IllegalArgumentException when two heads have one subject (or subjects whose UTF-8 is the same: a lone
     *                                  surrogate is encoded as {@code ?}), which no store can hold
     */
    public static String root(Collection<StreamHead> heads) {
        record Keyed(byte[] subject, StreamHead head) {
        }
        Accumulator accumulator = new Accumulator();
        heads.stream()
                .map(head -> new Keyed(head.subject().getBytes(StandardCharsets.UTF_8), head))
                .sorted(Comparator.comparing(Keyed::subject, UTF8_ORDER))
                .forEach(keyed -> accumulator.add(keyed.subject(), keyed.head()));
        return accumulator.root();
    }

    /** The root of heads already in {@link #SUBJECT_ORDER} (refused otherwise). */
    public static String rootOfOrdered(Iterable<StreamHead> heads) {
        Accumulator accumulator = new Accumulator();
        heads.forEach(accumulator::add);
        return accumulator.root();
    }

    /**
     * The same root, from heads given one at a time in the leaves' order, holding one node per set bit of the count
     * (the perfect subtrees RFC 6962's split makes, largest first), so that a writer can stream every head of a store
     * through it. A head out of order (or a subject twice) is refused: the root would not be the one verifiers compute.
     */
    public static final class Accumulator {

        /** The perfect subtrees so far, the smallest on top: one per set bit of {@code count}. */
        private final Deque<byte[]> nodes = new ArrayDeque<>();
        private long count;
        private byte[] lastSubject;

        public void add(StreamHead head) {
            add(head.subject().getBytes(StandardCharsets.UTF_8), head);
        }

        private void add(byte[] subject, StreamHead head) {
            if (lastSubject != null && UTF8_ORDER.compare(lastSubject, subject) >= 0) {
                throw new IllegalArgumentException("heads must come in the order of their subjects' UTF-8 bytes, each "
                        + "once: " + head.subject() + " after " + new String(lastSubject, StandardCharsets.UTF_8));
            }
            lastSubject = subject;
            byte[] node = leaf(subject, head);
            // each trailing set bit of the count is a subtree as large as the one being built: join them
            for (long trailing = count; (trailing & 1) == 1; trailing >>>= 1) {
                node = node(nodes.pop(), node);
            }
            nodes.push(node);
            count++;
        }

        /** The root over the heads added so far (the smallest subtree is the rightmost: fold from the right). */
        public String root() {
            if (nodes.isEmpty()) {
                return HexFormat.of().formatHex(sha256().digest());
            }
            var fromRight = nodes.iterator();
            byte[] root = fromRight.next();
            while (fromRight.hasNext()) {
                root = node(fromRight.next(), root);
            }
            return HexFormat.of().formatHex(root);
        }
    }

    /** {@code subject} is the head's subject in UTF-8, as the accumulator already encoded it for the order. */
    private static byte[] leaf(byte[] subject, StreamHead head) {
        MessageDigest digest = sha256();
        digest.update((byte) 0);
        digest.update(subject);
        digest.update(("\n" + head.sequence() + "\n" + head.hash()).getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
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
