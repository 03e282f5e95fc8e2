package org.tcyledger.contracts;

/** The Kafka topics of the four write contexts; each is the complete, never-expiring log of its context. */
public final class Topics {
    public static final String MEMBERSHIP = "tcy.membership.v1";
    public static final String MEETINGS = "tcy.meetings.v1";
    public static final String ASSESSMENTS = "tcy.assessments.v1";
    public static final String CLOUD_EVIDENCE = "tcy.cloud-evidence.v1";
    /** Every context's topic: what an auditor reads to verify the whole record. */
    public static final java.util.List<String> ALL = java.util.List.of(MEMBERSHIP, MEETINGS, ASSESSMENTS, CLOUD_EVIDENCE);

    /**
     * The record limits, set together: every topic's {@code max.message.bytes} (and the broker's
     * {@code message.max.bytes} in deploy/), the producers' {@code max.request.size} (a record plus a request's
     * framing) and the largest event a write service stores, which leaves room for the record's headers.
     */
    public static final int MAX_RECORD_BYTES = 2 * 1024 * 1024;
    public static final int MAX_REQUEST_BYTES = MAX_RECORD_BYTES + 64 * 1024;
    public static final int MAX_EVENT_BYTES = MAX_RECORD_BYTES - 64 * 1024;

    private Topics() {
    }
}
