package org.tcyledger.register;

/**
 * Opens a contact point's sealed phone and email for a register that shows them. The projection opens them through
 * membership; a replica that only needs statuses and capacities keeps them sealed ({@link SealedContactPoints}).
 */
public interface ContactPoints {

    /** What opening gave: the fields, erased, or not available here. */
    sealed interface Opened {
        record Fields(java.util.Map<String, String> values) implements Opened {
        }

        record Erased() implements Opened {
        }

        record Unavailable() implements Opened {
        }
    }

    /** Throws when it cannot answer now: the consumer retries the event later. */
    Opened open(String personId, String ciphertext);
}
