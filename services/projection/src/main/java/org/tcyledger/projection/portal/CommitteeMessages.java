package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the document register's and the committee's bodies' pages ({@code /{lang}/documents},
 * {@code /{lang}/bureau}, {@code /{lang}/working-bodies}), in English; {@code messages/committee_fr.properties} has each
 * in French. Templates read them as {@code {committee:key}}.
 */
@MessageBundle(value = "committee", locale = "en")
public interface CommitteeMessages {

    @Message("Documents")
    String nav_documents();

    @Message("The Bureau and working bodies")
    String nav_bodies();

    // the document register
    @Message("The document register")
    String documents_title();

    @Message("The Committee's documents by symbol, with where they were tabled and what adopted them. Anyone reads the public documents; the Committee's members, auditors and secretariat also read the restricted ones.")
    String documents_intro();

    @Message("Symbol or title contains")
    String search_label();

    @Message("Meeting (its identifier, for example T-CY-12)")
    String meeting_label();

    @Message("No document matches.")
    String documents_none();

    @Message("{count} documents")
    String documents_count(String count);

    @Message("Symbol")
    String col_symbol();

    @Message("Meetings")
    String col_meetings();

    @Message("Language versions")
    String col_languages();

    @Message("Access")
    String col_access();

    @Message("{#when kind}{#is 'MEETING_REPORT'}Meeting report{#is 'AGENDA'}Agenda{#is 'GUIDANCE_NOTE'}Guidance note{#is 'ASSESSMENT_REPORT'}Assessment report{#is 'QUESTIONNAIRE'}Questionnaire{#is 'REPLIES'}Replies{#is 'TERMS_OF_REFERENCE'}Terms of reference{#is 'WORK_PLAN'}Work plan{#is 'DISCUSSION_PAPER'}Discussion paper{#is 'OPINION'}Opinion{#is 'DRAFT_PROTOCOL'}Draft protocol{#is 'EXTERNAL'}Document of another body{#is 'OTHER'}Other{#else}{kind}{/when}")
    String document_kind(String kind);

    @Message("{#when code}{#is 'en'}English{#is 'fr'}French{#else}{code}{/when}")
    String language_name(String code);

    @Message("{#when access}{#is 'PUBLIC'}Public{#is 'RESTRICTED'}Restricted{#else}{access}{/when}")
    String access_name(String access);

    @Message("published on {date}")
    String published_on(String date);

    @Message("The document “{symbol}” is not in the register, or is not public.")
    String document_unknown(String symbol);

    @Message("Dated")
    String dated();

    @Message("Supersedes")
    String supersedes();

    @Message("Superseded by")
    String superseded_by();

    @Message("The report of the meeting")
    String report_of();

    @Message("Tabled at")
    String tabled_at();

    @Message("Adopted by")
    String adopted_by();

    @Message("Not tabled at any meeting on the record you read.")
    String tabled_none();

    @Message("Not adopted by any decision on the record you read.")
    String adopted_none();

    @Message("Agenda item")
    String col_item();

    @Message("Meeting")
    String col_meeting();

    @Message("Decision")
    String col_decision();

    @Message("All documents")
    String all_documents();

    @Message("The register keeps each document as last corrected: its corrections are in the audit log.")
    String document_corrections();

    // the Bureau
    @Message("The Bureau")
    String bureau_title();

    @Message("The Bureau on a day is the members whose term covers that day, as the plenary elected them.")
    String bureau_intro();

    @Message("On the date")
    String on_label();

    @Message("The Bureau on {date}")
    String bureau_caption(String date);

    @Message("No member of the Bureau held a term on this date.")
    String bureau_none();

    @Message("{#when post}{#is 'CHAIR'}Chair{#is 'VICE_CHAIR'}Vice-chair{#is 'MEMBER'}Member{#else}{post}{/when}")
    String post_name(String post);

    @Message("Post")
    String col_post();

    @Message("Member")
    String col_member();

    @Message("From")
    String col_from();

    @Message("Until")
    String col_until();

    @Message("Elected by")
    String col_elected();

    @Message("decision {decision} of {meeting}")
    String decision_of(String decision, String meeting);

    @Message("The elections")
    String elections_title();

    @Message("Every term elected, the latest first")
    String elections_caption();

    @Message("No election of the Bureau is on the record.")
    String elections_none();

    // working bodies
    @Message("Working bodies")
    String bodies_title();

    @Message("The groups the plenary established, with their mandates as established and extended, and their meetings.")
    String bodies_intro();

    @Message("No working body is on the record.")
    String bodies_none();

    @Message("{#when kind}{#is 'CLOUD_EVIDENCE_GROUP'}Cloud Evidence Group{#is 'PROTOCOL_DRAFTING_GROUP'}Protocol Drafting Group{#is 'WORKING_GROUP'}Working group{#else}{kind}{/when}")
    String body_kind(String kind);

    @Message("Name")
    String col_name();

    @Message("Mandate")
    String col_mandate();

    @Message("Established by")
    String col_established();

    @Message("Status")
    String col_status();

    @Message("until {date}")
    String until(String date);

    @Message("Mandate running")
    String status_running();

    @Message("Mandate ended")
    String status_ended();

    @Message("Terms of reference")
    String terms_of_reference();

    @Message("Extensions of the mandate")
    String extensions_title();

    @Message("The mandate was not extended.")
    String extensions_none();

    @Message("Decided on")
    String col_decided_on();

    @Message("New end of the mandate")
    String col_new_end();

    @Message("Members")
    String body_members();

    @Message("The decision that established it named no members.")
    String body_members_none();

    @Message("Meetings")
    String body_meetings();

    @Message("No meeting of this body is on the record.")
    String body_meetings_none();

    @Message("The record knows no dissolution: a body's mandate ends on its last date unless a decision extends it.")
    String body_no_dissolution();

    @Message("No working body “{id}” was established.")
    String body_unknown(String id);

    @Message("All working bodies")
    String all_bodies();
}
