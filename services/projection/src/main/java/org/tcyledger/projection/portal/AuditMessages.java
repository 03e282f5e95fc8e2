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

    @Message("Only the committee's auditors verify the record and replay its history.")
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

    // rebuilds, parked records, the audit pages' own navigation
    @Message("Audit pages")
    String audit_nav_label();

    @Message("Verify")
    String nav_verify();

    @Message("History")
    String nav_history();

    @Message("Rebuilds")
    String nav_rebuilds();

    @Message("Parked records")
    String nav_parked();

    @Message("Rebuilds of the read models")
    String rebuilds_title();

    @Message("A rebuild replays every read model from the first record of its topics into fresh tables while the live tables keep serving, then compares every table row for row with its live twin at the same offsets. The rebuilt tables are switched in only when every table is equal; otherwise they are kept for inspection and the live tables go on serving.")
    String rebuilds_intro();

    @Message("Start a rebuild")
    String rebuild_start();

    @Message("Only the committee's auditors rebuild the read models.")
    String rebuild_role_refused();

    @Message("A rebuild is already running: wait until it ends, then start another.")
    String rebuild_already_running();

    @Message("Latest rebuilds, the most recent first")
    String rebuilds_caption();

    @Message("No rebuild has been run yet.")
    String rebuilds_none();

    @Message("Rebuild")
    String col_rebuild();

    @Message("Requested by")
    String col_requested_by();

    @Message("Requested at")
    String col_requested_at();

    @Message("Finished at")
    String col_finished_at();

    @Message("State")
    String col_state();

    @Message("Result")
    String col_result();

    @Message("Running")
    String state_running();

    @Message("Done")
    String state_done();

    @Message("Failed")
    String state_failed();

    @Message("Equal: switched in")
    String result_equal();

    @Message("Differs: not switched in")
    String result_differs();

    @Message("Rebuild of the read models")
    String rebuild_title();

    @Message("Requested by {by} on {day} at {time}.")
    String rebuild_requested(String by, String day, String time);

    @Message("The rebuild is running.")
    String rebuild_running();

    @Message("Events read")
    String rebuild_progress_label();

    @Message("{read} of {total} events read")
    String rebuild_progress(String read, String total);

    @Message("Making the fresh tables; no event read yet.")
    String rebuild_preparing();

    @Message("This page reloads itself every {seconds} seconds until the rebuild ends.")
    String rebuild_refreshes(String seconds);

    @Message("Reload now")
    String rebuild_refresh();

    @Message("Every rebuilt table equals its live twin at the same offsets: the rebuilt tables now serve.")
    String rebuild_equal();

    @Message("{count} table(s) differ from their live twin: the live tables still serve.")
    String rebuild_differs(String count);

    @Message("The rebuilt tables are kept for inspection in schema {schema} until {until}.")
    String rebuild_kept(String schema, String until);

    @Message("The rebuild failed; the live tables were not touched. Reason: {error}")
    String rebuild_failed(String error);

    @Message("{events} events replayed in {apply} s ({rate} per second), compared in {compare} s.")
    String rebuild_figures(String events, String apply, String rate, String compare);

    @Message("No rebuild {id}.")
    String rebuild_unknown(String id);

    @Message("All rebuilds")
    String rebuild_all();

    @Message("Read models replayed")
    String read_models_caption();

    @Message("Consumer group")
    String col_group();

    @Message("Topics")
    String col_topics();

    @Message("Events read")
    String col_events_read();

    @Message("Applied")
    String col_applied_count();

    @Message("Duplicates")
    String col_duplicates();

    @Message("Early (gap)")
    String col_gaps();

    @Message("Up to offsets (sum)")
    String col_end_offsets();

    @Message("Tables that differ between the rebuilt and the live version")
    String differences_caption();

    @Message("No table differs.")
    String differences_none();

    @Message("A rebuild's report holds no row's values: for each table that differs, its key, the columns whose values differ between rows of the same key, and how many rows each side has that the other has not.")
    String differences_explained();

    @Message("Table")
    String col_table();

    @Message("Key")
    String col_key();

    @Message("Columns that differ")
    String col_columns();

    @Message("Rows only in the live table")
    String col_only_live();

    @Message("Rows only in the rebuilt table")
    String col_only_rebuilt();

    @Message("Parked records")
    String parked_title();

    @Message("The records a consumer of the projection could not apply, with the reason; the later records of the same aggregate wait behind the first. Once the cause is mended, a retry applies the aggregate's parked records again in order and stops at the first that fails again.")
    String parked_intro();

    @Message("No record is parked.")
    String parked_none();

    @Message("Parked records ({count}), oldest first per consumer group")
    String parked_caption(String count);

    @Message("No.")
    String col_number();

    @Message("Topic, partition / offset")
    String col_topic_position();

    @Message("Parked at")
    String col_parked_at();

    @Message("Attempts")
    String col_attempts();

    @Message("Action")
    String col_action();

    @Message("Waits behind an earlier record of its aggregate.")
    String parked_waiting();

    @Message("Retry")
    String parked_retry();

    @Message("Retry record {id} and the parked records of {subject}")
    String parked_retry_label(String id, String subject);

    @Message("Retry of record {id}: {applied} applied, {still} still parked.")
    String parked_retried(String id, String applied, String still);

    @Message("No parked record {id}.")
    String parked_unknown(String id);

    @Message("{value} is not a whole number.")
    String invalid_number(String value);

    @Message("Stop reloading")
    String rebuild_stop_reloading();

    @Message("This page does not reload itself.")
    String rebuild_reloading_off();

    @Message("Reload it by itself again")
    String rebuild_resume_reloading();

    @Message("{value} is not a choice of reloading: reload=off stops it.")
    String invalid_reload(String value);
}
