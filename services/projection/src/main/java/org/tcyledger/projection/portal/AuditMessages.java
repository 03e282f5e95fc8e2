package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the auditor's pages ({@code /{lang}/audit/...}), in English; {@code messages/audit_fr.properties} has
 * each in French. Templates read them as {@code {audit:key}}.
 */
@MessageBundle(value = "audit", locale = "en")
public interface AuditMessages {

    @Message("Audit")
    String nav_audit();

    @Message("Sign in as an auditor or the secretariat to verify the record.")
    String sign_in_required();

    @Message("Only the committee's auditors and the secretariat verify the record.")
    String role_cannot_audit();

    // verification
    @Message("Verify the record")
    String verify_title();

    @Message("Checks, in the projection's copy of the log, every aggregate's hash chain and sequence and every source's signed checkpoints, as each source's own verifier does.")
    String verify_intro();

    @Message("Run the verification")
    String verify_run();

    @Message("No break: {events} events of {aggregates} aggregates verified.")
    String verify_ok(String events, String aggregates);

    @Message("{count} break(s) found in {events} events of {aggregates} aggregates.")
    String verify_broken(String count, String events, String aggregates);

    @Message("The log did not yet hold everything the topics held: a signed head missing here may still be on its way; verify again.")
    String verify_not_caught_up();

    @Message("By source")
    String sources_caption();

    @Message("Breaks")
    String breaks_caption();

    @Message("Source")
    String col_source();

    @Message("Events")
    String col_events();

    @Message("Aggregates")
    String col_aggregates();

    @Message("Checkpoints")
    String col_checkpoints();

    @Message("Events covered by a checkpoint")
    String col_covered();

    @Message("Verified")
    String col_verified();

    @Message("Kind")
    String col_kind();

    @Message("Aggregate")
    String col_aggregate();

    @Message("Sequence")
    String col_sequence();

    @Message("Reason")
    String col_reason();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Hash chain")
    String kind_chain();

    @Message("Checkpoint")
    String kind_checkpoint();

    @Message("Sequence gap")
    String kind_gap();

    // history
    @Message("An aggregate's history")
    String history_title();

    @Message("History of {aggregate}")
    String history_of(String aggregate);

    @Message("An aggregate's events as the log holds them, with their hashes, and its state replayed up to a sequence or a legal date. For instance the assessment cycle round-1-preservation.")
    String history_intro();

    @Message("Aggregate")
    String aggregate_label();

    @Message("Source (optional)")
    String source_label();

    @Message("Legal date")
    String as_of_label();

    @Message("Up to sequence")
    String at_sequence_label();

    @Message("Replay")
    String replay();

    @Message("Its events in order ({count})")
    String events_caption(String count);

    @Message("Type")
    String col_type();

    @Message("Recorded at")
    String col_time();

    @Message("Legal date")
    String col_legal_date();

    @Message("Hash")
    String col_hash();

    @Message("Previous hash")
    String col_prevhash();

    @Message("Applied")
    String col_applied();

    @Message("Its state replayed")
    String state_title();

    @Message("The events up to the sequence chosen, less those whose legal date (their first date: launched on, adopted on, received on…) is after the date chosen.")
    String state_explained();

    @Message("{applied} of {total} events applied.")
    String state_applied(String applied, String total);

    @Message("Up to sequence {sequence}.")
    String state_at_sequence(String sequence);

    @Message("On {date}.")
    String state_as_of(String date);

    @Message("Last event applied: {type}.")
    String state_last(String type);

    @Message("No event applies at that point.")
    String state_none();

    @Message("The report is adopted.")
    String state_adopted();

    @Message("The report is not adopted.")
    String state_not_adopted();

    @Message("Its facts at that point")
    String facts_caption();

    @Message("Field")
    String col_field();

    @Message("Value")
    String col_value();

    @Message("No event of {aggregate} is in the log.")
    String history_unknown(String aggregate);

    @Message("{value} is not a sequence number.")
    String invalid_sequence(String value);

    @Message("{value} is not a date (yyyy-mm-dd).")
    String invalid_date(String value);

    @Message("Its history")
    String history_link();
}
