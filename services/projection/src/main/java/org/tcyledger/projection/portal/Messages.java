package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;

/**
 * Every text of the portal, in English; {@code messages/msg_fr.properties} has each in French. Templates read them
 * as {@code {msg:key}}; the page's locale (its language) chooses the file.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    // the layout
    @Message("T-CY Ledger")
    String site_name();

    @Message("Skip to the content")
    String skip();

    @Message("Main")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("The register")
    String nav_register();

    @Message("Treaty Office chart")
    String nav_chart();

    @Message("Meetings")
    String nav_meetings();

    @Message("Guidance notes")
    String nav_notes();

    @Message("Language")
    String lang_label();

    @Message("This page in French")
    String lang_switch_title();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {user} ({roles})")
    String signed_in_as(String user, String roles);

    @Message("The public record of the Council of Europe's Cybercrime Convention Committee, kept by T-CY Ledger.")
    String footer_about();

    @Message("For developers")
    String footer_developers();

    @Message("The JSON API in Swagger UI")
    String footer_swagger();

    @Message("The OpenAPI document")
    String footer_openapi();

    @Message("Health")
    String footer_health();

    // home
    @Message("The Cybercrime Convention Committee (T-CY)")
    String home_title();

    @Message("The Convention on Cybercrime of the Council of Europe (the Budapest Convention, ETS No. 185) was opened for signature in Budapest on 23 November 2001 and entered into force on 1 July 2004.")
    String home_intro_convention();

    @Message("Under its Article 46, the Parties consult periodically to facilitate the effective use and implementation of the Convention, to exchange information on significant developments and to consider its supplementation or amendment. The Cybercrime Convention Committee (T-CY) is the committee of the Parties that does so; States that signed or were invited to accede, and international organisations, take part as observers.")
    String home_intro_committee();

    @Message("This ledger records what the Committee does: its members and their status under the Convention and its Protocols, its meetings and decisions, and the guidance notes it adopts.")
    String home_intro_ledger();

    @Message("Sources: the Convention on Cybercrime (ETS No. 185), Article 46; the Council of Europe's Treaty Office.")
    String home_sources();

    @Message("Latest meetings")
    String home_latest_meetings();

    @Message("Latest adopted texts")
    String home_latest_texts();

    @Message("No meeting is on the record yet.")
    String home_no_meetings();

    @Message("No adopted text is on the record yet.")
    String home_no_texts();

    @Message("Indicators")
    String home_indicators();

    @Message("Per year, as counted by GET /indicators: the register on 31 December, the rest over the year.")
    String indicators_intro();

    @Message("No indicators yet: the record is empty.")
    String indicators_none();

    @Message("The indicators per year, as a table")
    String indicators_table();

    @Message("{#when key}{#is 'parties'}Parties{#is 'signatoriesNotParties'}Signatories not yet Parties"
            + "{#is 'statesInvited'}States invited to accede{#is 'observerOrganisations'}Observer organisations"
            + "{#is 'plenaries'}Plenaries held{#is 'otherMeetings'}Other meetings held"
            + "{#is 'membersAttendingPlenaries'}Members attending plenaries{#is 'guidanceNotesAdopted'}Guidance notes adopted"
            + "{#is 'assessmentReportsAdopted'}Assessment reports adopted{#is 'consultationsHeld'}Consultations held"
            + "{#else}{key}{/when}")
    String indicator_name(String key);

    @Message("All meetings")
    String home_all_meetings();

    @Message("All guidance notes")
    String home_all_notes();

    // forms, shared
    @Message("Any")
    String any();

    @Message("Show")
    String show();

    @Message("Date")
    String date();

    @Message("Treaty")
    String treaty();

    @Message("Status")
    String status();

    @Message("Kind")
    String kind();

    @Message("Year")
    String year();

    @Message("The date “{value}” is not a date: write it as YYYY-MM-DD, for example 2014-12-02.")
    String invalid_date(String value);

    @Message("“{value}” is not one of the choices of “{field}”.")
    String invalid_choice(String value, String field);

    @Message("The year “{value}” is not a year: write it with four digits, for example 2014.")
    String invalid_year(String value);

    @Message("{#when treaty}{#is ETS185}Convention on Cybercrime (ETS No. 185){#is ETS189}Additional Protocol concerning the criminalisation of acts of a racist and xenophobic nature committed through computer systems (ETS No. 189){#is CETS224}Second Additional Protocol on enhanced co-operation and disclosure of electronic evidence (CETS No. 224){#else}{treaty}{/when}")
    String treaty_title(Treaty treaty);

    @Message("{#when status}{#is PARTY}Party{#is DENOUNCED}Denounced{#is RATIFIED}Ratified, not yet in force{#is SIGNATORY}Signatory{#is INVITED}Invited to accede{#is NONE}None{#else}{status}{/when}")
    String status_name(TreatyStatus status);

    @Message("{#when kind}{#is STATE}State{#is ORGANISATION}Organisation{#else}{kind}{/when}")
    String member_kind(MemberKind kind);

    @Message("{#when capacity}{#is PARTY}Party{#is OBSERVER}Observer{#is NONE}None{#else}{capacity}{/when}")
    String capacity_name(Capacity capacity);

    @Message("{#when capacity}{#is 'PARTY'}Party{#is 'OBSERVER'}Observer{#is 'AD_HOC_OBSERVER'}Ad hoc observer{#else}{capacity}{/when}")
    String attendance_capacity(String capacity);

    // the register
    @Message("The register on a date")
    String register_title();

    @Message("Members on {date}")
    String register_caption(String date);

    @Message("Member")
    String col_member();

    @Message("Entry into force")
    String col_entry_into_force();

    @Message("Capacity in the Committee")
    String col_capacity();

    @Message("No member matches on this date.")
    String register_none();

    @Message("{count} members")
    String register_count(String count);

    @Message("The register is read by the Committee's members, auditors and secretariat. Sign in to read it; the Treaty Office chart is public.")
    String sign_in_required();

    @Message("Your role does not read the register: it is read by the Committee's observers, auditors and secretariat. The Treaty Office chart is public.")
    String role_cannot_read_register();

    @Message("Parties over time")
    String parties_over_time();

    @Message("The number of Parties on 31 December of each year (on the chosen date for its year)")
    String parties_caption();

    @Message("Parties")
    String col_parties();

    // a member
    @Message("History of {name}")
    String member_history(String name);

    @Message("Not a member known to the register: “{id}”.")
    String member_unknown(String id);

    @Message("Status on {date}")
    String member_status_on(String date);

    @Message("Signatures, consents and denunciations")
    String member_steps();

    @Message("Invited to accede on {date}")
    String member_invited(String date);

    @Message("Signed on")
    String col_signed();

    @Message("Instrument")
    String col_instrument();

    @Message("Deposited on")
    String col_deposited();

    @Message("Denounced on")
    String col_denounced();

    @Message("Notifications, reservations and declarations")
    String member_statements();

    @Message("Article")
    String col_article();

    @Message("Effective on")
    String col_effective();

    @Message("Observer status")
    String member_observer();

    @Message("Granted on")
    String col_granted();

    @Message("Ended on")
    String col_ended();

    @Message("None recorded.")
    String none_recorded();

    @Message("{#when kind}{#is 'RATIFICATION'}Ratification{#is 'ACCESSION'}Accession{#is 'ACCEPTANCE'}Acceptance{#is 'APPROVAL'}Approval{#is 'SIGNATURE_WITHOUT_RESERVATION'}Signature without reservation as to ratification{#is 'RESERVATION'}Reservation{#is 'RESERVATION_WITHDRAWN'}Reservation withdrawn{#is 'DECLARATION'}Declaration{#is 'DECLARATION_WITHDRAWN'}Declaration withdrawn{#is 'TERRITORIAL_APPLICATION'}Territorial application{#is 'AUTHORITY_DESIGNATED'}Authority designated{#else}{kind}{/when}")
    String instrument_name(String kind);

    // the chart
    @Message("Chart of signatures and ratifications")
    String chart_title();

    @Message("Situation on {date}")
    String chart_situation(String date);

    @Message("Download this chart as CSV")
    String chart_csv();

    @Message("the same rows as GET {path} with Accept: text/csv")
    String chart_csv_note(String path);

    @Message("Members of the Council of Europe")
    String chart_members();

    @Message("Non-members of the Council of Europe")
    String chart_non_members();

    @Message("States")
    String col_states();

    @Message("Signature")
    String col_signature();

    @Message("Ratification")
    String col_ratification();

    @Message("R.")
    String col_r();

    @Message("Reservations")
    String col_r_long();

    @Message("D.")
    String col_d();

    @Message("Declarations")
    String col_d_long();

    @Message("A.")
    String col_a();

    @Message("Authorities")
    String col_a_long();

    @Message("T.")
    String col_t();

    @Message("Territorial application")
    String col_t_long();

    @Message("Denunciation")
    String col_denunciation();

    @Message("Total number of signatures not followed by ratifications: {count}")
    String chart_total_signatures(String count);

    @Message("Total number of ratifications/accessions: {count}")
    String chart_total_consents(String count);

    @Message("No State had signed, ratified or been invited by this date.")
    String chart_none();

    @Message("yes")
    String yes();

    // meetings
    @Message("Meetings")
    String meetings_title();

    @Message("{#when kind}{#is 'PLENARY'}Plenary{#is 'BUREAU'}Bureau{#is 'PROTOCOL_DRAFTING'}Protocol drafting{#is 'WORKING_GROUP'}Working group{#is 'WRITTEN_PROCEDURE'}Written procedure{#else}{kind}{/when}")
    String meeting_kind(String kind);

    @Message("Dates")
    String col_dates();

    @Message("Title")
    String col_title();

    @Message("Venue")
    String col_venue();

    @Message("Report")
    String col_report();

    @Message("No meeting matches.")
    String meetings_none();

    @Message("{from} to {to}")
    String date_range(String from, String to);

    @Message("Report {symbol}, published on {date}")
    String meeting_report(String symbol, String date);

    @Message("The report is not published yet.")
    String meeting_report_unpublished();

    @Message("Agenda")
    String meeting_agenda();

    @Message("Documents")
    String meeting_documents();

    @Message("Attendance by capacity")
    String meeting_attendance();

    @Message("Nobody in this capacity.")
    String meeting_nobody();

    @Message("Decisions")
    String meeting_decisions();

    @Message("No decision is recorded.")
    String meeting_no_decisions();

    @Message("Nothing is on the agenda.")
    String meeting_no_agenda();

    @Message("Adopted by consensus")
    String vote_consensus();

    @Message("Vote: {votesFor} for, {against} against, {abstentions} abstentions")
    String vote_tally(long votesFor, long against, long abstentions);

    @Message("Adopted on {date}")
    String adopted_on(String date);

    @Message("Subject: {subject}")
    String decision_subject(String subject);

    @Message("version {version}")
    String decision_version(Integer version);

    @Message("{#when kind}{#is 'GENERAL'}General decision{#is 'ADOPT_GUIDANCE_NOTE'}Adoption of a guidance note{#is 'ADOPT_ASSESSMENT_REPORT'}Adoption of an assessment report{#is 'ENDORSE_CEG_RECOMMENDATIONS'}Endorsement of the Cloud Evidence Group's recommendations{#is 'ELECT_BUREAU'}Election of the Bureau{#is 'WELCOME_NEW_PARTY'}Welcome to a new Party{#is 'ADOPT_QUESTIONNAIRE'}Adoption of a questionnaire{#is 'ADOPT_WORK_PLAN'}Adoption of a work plan{#is 'ADOPT_TERMS_OF_REFERENCE'}Adoption of terms of reference{#is 'APPROVE_DRAFT_PROTOCOL'}Approval of a draft protocol{#is 'ADOPT_OPINION'}Adoption of an opinion{#is 'ADOPT_FOLLOW_UP'}Adoption of a follow-up{#is 'ESTABLISH_WORKING_BODY'}Establishment of a working body{#is 'EXTEND_MANDATE'}Extension of a mandate{#else}{kind}{/when}")
    String decision_kind(String kind);

    @Message("The meeting “{id}” is not on the record, or its outcomes are public only once its report is published.")
    String meeting_unknown(String id);

    // guidance notes
    @Message("Guidance notes")
    String notes_title();

    @Message("Guidance notes explain how the Parties understand the use of the Convention's articles for particular phenomena. Each adopted version is given in English and French.")
    String notes_intro();

    @Message("No guidance note is on the record yet.")
    String notes_none();

    @Message("Version {version}")
    String note_version(int version);

    @Message("Draft, not adopted")
    String note_draft();

    @Message("Adopted on {date} by decision {decision} of {meeting}")
    String note_adopted(String date, String decision, String meeting);

    @Message("Articles of the Convention")
    String note_articles();

    @Message("Document {symbol}")
    String note_symbol(String symbol);

    @Message("English")
    String note_english();

    @Message("French")
    String note_french();

    @Message("Adopted in English only.")
    String note_english_only();

    @Message("The guidance note “{id}” is not on the record, or is not public.")
    String note_unknown(String id);

    // signing in and out
    @Message("Sign in")
    String signin_title();

    @Message("Members of the Committee, its auditors and its secretariat sign in to read beyond the public record.")
    String signin_intro();

    @Message("User name")
    String signin_username();

    @Message("Password")
    String signin_password();

    @Message("The user name or the password is wrong.")
    String signin_failed();

    @Message("Sign out of T-CY Ledger?")
    String signout_question();

    @Message("You are not signed in.")
    String signout_not_signed_in();

    @Message("This form has expired, or did not come from this site. Open the page again and send it from there.")
    String csrf_failed();

    /** A colon after a label: French puts a (no-break) space before it. */
    @Message(":")
    String colon();

    // errors
    @Message("Not found")
    String not_found_title();

    @Message("This request cannot be answered")
    String problem_title();

    @Message("The form was refused")
    String csrf_title();

    @Message("There is no page at this address.")
    String not_found_text();
}
