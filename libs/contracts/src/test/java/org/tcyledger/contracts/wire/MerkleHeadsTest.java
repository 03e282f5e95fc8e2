package org.tcyledger.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleHeadsTest {

    /** Heads whose subjects sort differently by UTF-8 bytes than by insertion, one of them beyond ASCII. */
    private static List<StreamHead> heads(int n) {
        List<StreamHead> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            heads.add(new StreamHead((i % 2 == 0 ? "member/" : "Meeting/é") + (n - i), i, "%064x".formatted(i * 7919L)));
        }
        return heads;
    }

    /** Roots signed by checkpoints before the accumulator existed: a checkpoint already stored must still verify. */
    @Test
    void rootsAreTheOnesCheckpointsAlreadySigned() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleHeads.root(heads(0)));
        assertEquals("80a98ad33a4cf5df978a74757b2428048edd79c710d0d43222d2912034fb9a49", MerkleHeads.root(heads(1)));
        assertEquals("f1dbfbd7717c5d76ced93b1a7dbccdf171ac77c565e25249da4c519c43b9a9f5", MerkleHeads.root(heads(2)));
        assertEquals("c05de08030355648a8bc435bed3781cc2281f2537279a4e3a54942354ee63387", MerkleHeads.root(heads(3)));
        assertEquals("6f124fd6a8f3f1263443fab5742597a90f95aa3a8cf29a4c7dcc3aa1ec0e689c", MerkleHeads.root(heads(5)));
        assertEquals("2ea09f2d69d03ef5e220475e7bcd1095352b0301dbb4905993f7f9e2c93522a6", MerkleHeads.root(heads(7)));
        assertEquals("9577928797bb62af28b00eb05bffa2854329f7bacdf46936246b6c643fd31523", MerkleHeads.root(heads(8)));
        assertEquals("d2023dfa306915dc806bb7ca2b43d148bc0122873fe905b967270be159431e60", MerkleHeads.root(heads(13)));
    }

    /** For every count up to 130 (every shape of the last few levels), the streamed root is RFC 6962's. */
    @Test
    void theStreamedRootIsRfc6962sForEveryCount() throws Exception {
        for (int n = 0; n <= 130; n++) {
            List<StreamHead> sorted = new ArrayList<>(heads(n));
            sorted.sort(Comparator.comparing(head -> head.subject().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
            MerkleHeads.Accumulator accumulator = new MerkleHeads.Accumulator();
            sorted.forEach(accumulator::add);
            assertEquals(rfc6962(sorted), accumulator.root(), "root of " + n + " heads");
            assertEquals(n, accumulator.count());
        }
    }

    @Test
    void aHeadOutOfOrderOrTwiceIsRefused() {
        MerkleHeads.Accumulator accumulator = new MerkleHeads.Accumulator();
        accumulator.add(new StreamHead("member/FR", 0, "a".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(new StreamHead("member/FR", 1, "b".repeat(64))));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(new StreamHead("member/DE", 0, "c".repeat(64))));
    }

    /** RFC 6962 §2.1 as written: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 < n. */
    private static String rfc6962(List<StreamHead> sorted) throws Exception {
        if (sorted.isEmpty()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest());
        }
        return HexFormat.of().formatHex(tree(sorted));
    }

    private static byte[] tree(List<StreamHead> heads) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        if (heads.size() == 1) {
            StreamHead head = heads.get(0);
            digest.update((byte) 0);
            digest.update((head.subject() + "\n" + head.sequence() + "\n" + head.hash()).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        }
        int k = Integer.highestOneBit(heads.size() - 1);
        byte[] left = tree(heads.subList(0, k));
        byte[] right = tree(heads.subList(k, heads.size()));
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
