package org.tcyledger.contracts;

/** The Kafka topics of the four write contexts; each is the complete, never-expiring log of its context. */
public final class Topics {
    public static final String MEMBERSHIP = "tcy.membership.v1";
    public static final String MEETINGS = "tcy.meetings.v1";
    public static final String ASSESSMENTS = "tcy.assessments.v1";
    public static final String CLOUD_EVIDENCE = "tcy.cloud-evidence.v1";

    private Topics() {
    }
}
