package org.tcyledger.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
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
            TreeMap<String, StreamHead> kept = new TreeMap<>(MerkleHeads.SUBJECT_ORDER);
            heads(n).forEach(head -> kept.put(head.subject(), head));
            assertEquals(accumulator.root(), MerkleHeads.rootOfOrdered(kept.values()), "an auditor's map of " + n);
            assertEquals(accumulator.root(), MerkleHeads.root(heads(n)));
        }
    }

    /**
     * U+1F600 comes before U+FF5E in UTF-16 (a surrogate, 0xD83D) and after it in UTF-8 (0xF0 against 0xEF): the
     * leaves follow UTF-8, and so must a map an auditor keeps them in. The root is the one signed before.
     */
    @Test
    void subjectsAreOrderedByTheirUtf8NotTheirUtf16() {
        String emoji = "\uD83D\uDE00";
        String tilde = "\uFF5E";
        assertTrue(emoji.compareTo(tilde) < 0);
        assertTrue(MerkleHeads.SUBJECT_ORDER.compare(tilde, emoji) < 0);
        assertTrue(MerkleHeads.SUBJECT_ORDER.compare("member/F", "member/FR") < 0);
        assertEquals(0, MerkleHeads.SUBJECT_ORDER.compare("member/FR", "member/FR"));
        assertTrue(MerkleHeads.SUBJECT_ORDER.compare("a\uD800", "a?") != 0, "distinct strings never compare equal");
        List<StreamHead> heads = List.of(new StreamHead(emoji, 0, "a".repeat(64)), new StreamHead("member/FR", 2,
                "c".repeat(64)), new StreamHead(tilde, 1, "b".repeat(64)));
        assertEquals("279fa164ccb32fc9f8a2064a0555a3a640fbf2acfb84902a466311567777e122", MerkleHeads.root(heads));
        TreeMap<String, StreamHead> kept = new TreeMap<>(MerkleHeads.SUBJECT_ORDER);
        heads.forEach(head -> kept.put(head.subject(), head));
        assertEquals(MerkleHeads.root(heads), MerkleHeads.rootOfOrdered(kept.values()));
    }

    @Test
    void aSubjectTwiceHasNoRoot() {
        assertThrows(IllegalArgumentException.class, () -> MerkleHeads.root(List.of(
                new StreamHead("member/FR", 0, "a".repeat(64)), new StreamHead("member/FR", 1, "b".repeat(64)))));
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
