package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the assessment reports' and consultations' pages ({@code /{lang}/assessment-reports/...},
 * {@code /{lang}/consultations/...}), in English; {@code messages/report_fr.properties} has each in French. Templates
 * read them as {@code {report:key}}.
 */
@MessageBundle(value = "report", locale = "en")
public interface ReportMessages {

    @Message("Assessment reports")
    String nav_reports();

    @Message("Consultations")
    String nav_consultations();

    @Message("Assessment reports")
    String reports_title();

    @Message("The adopted assessment reports, in order of adoption, with how each Party followed up each recommendation. Without signing in you see the reports whose document is public; the committee's observers, auditors and the secretariat see every adopted report.")
    String reports_intro();

    @Message("No adopted assessment report matches.")
    String reports_none();

    @Message("Article")
    String article_label();

    @Message("Party (code)")
    String party_label();

    @Message("Adopted from")
    String from_label();

    @Message("Adopted until")
    String to_label();

    @Message("Show")
    String show();

    @Message("Assessment cycle")
    String col_cycle();

    @Message("Articles")
    String col_articles();

    @Message("Parties assessed")
    String col_parties();

    @Message("Adopted on")
    String col_adopted();

    @Message("Document")
    String col_document();

    @Message("No.")
    String col_id();

    @Message("Text")
    String col_text();

    @Message("Priority")
    String col_priority();

    @Message("Article")
    String col_article();

    @Message("Recommendation")
    String col_recommendation();

    @Message("Assessment cycle {cycle} · articles {articles}")
    String report_cycle(String cycle, String articles);

    @Message("Adopted on {date} (meeting {meeting}, decision {decision}), version {version} of the draft.")
    String report_adoption(String date, String meeting, String decision, String version);

    @Message("Document {symbol}")
    String report_document(String symbol);

    @Message("Recorded before reports named their document.")
    String report_no_document();

    @Message("No adopted report of the assessment cycle “{id}” that you may read.")
    String report_unknown(String id);

    @Message("All assessment reports")
    String back_to_reports();

    @Message("Findings and recommendations by Party")
    String by_party_title();

    @Message("A recommendation appears under its addressee: a Party, or the Parties as a whole.")
    String by_party_intro();

    @Message("Party assessed")
    String group_assessed();

    @Message("Addressee")
    String group_addressee();

    @Message("Findings")
    String findings();

    @Message("Recommendations")
    String recommendations();

    @Message("No finding.")
    String no_findings();

    @Message("No recommendation.")
    String no_recommendations();

    @Message("Recommendations: {party}")
    String recommendations_of(String party);

    @Message("{#when priority}{#is 'HIGH'}High{#is 'MEDIUM'}Medium{#is 'LOW'}Low{#else}{priority}{/when}")
    String priority(String priority);

    @Message("Follow-up")
    String matrix_title();

    @Message("For each recommendation and Party, the status of its follow-up as last assessed, with the date of that assessment and its note, and the earlier assessments. On a past date, the matrix shows each status as it was last assessed by then.")
    String matrix_intro();

    @Message("Follow-up of the recommendations by Party")
    String matrix_caption();

    @Message("As last assessed.")
    String matrix_latest();

    @Message("As it stood on {date}.")
    String matrix_on(String date);

    @Message("The report makes no recommendation and no follow-up is recorded.")
    String matrix_none();

    @Message("As it stood on")
    String on_label();

    @Message("Latest")
    String latest();

    @Message("{#when status}{#is 'IMPLEMENTED'}Implemented{#is 'PARTIALLY'}Partially implemented{#is 'NOT_IMPLEMENTED'}Not implemented{#else}{status}{/when}")
    String status(String status);

    @Message("assessed on {date}")
    String assessed_on(String date);

    @Message("No follow-up recorded")
    String no_follow_up();

    @Message("Not known on that date: assessed on {date}, and the earlier status is not kept.")
    String assessed_later(String date);

    @Message("Not yet assessed on that date: first assessed on {date}.")
    String not_yet_assessed(String date);

    @Message("{count} assessments")
    String history_summary(String count);

    @Message("Note")
    String note();

    @Message("Supplementary reports")
    String supplements_title();

    @Message("Supplementary report on {parties}")
    String supplement_on(String parties);

    @Message("Adopted on {date} (meeting {meeting}, decision {decision}), version {version} of the draft.")
    String supplement_adoption(String date, String meeting, String decision, String version);

    @Message("Consultations of the Cloud Evidence Group")
    String consultations_title();

    @Message("Each consultation's tally: how stakeholders of each kind stood on each option, never who.")
    String consultations_intro();

    @Message("No consultation yet.")
    String consultations_none();

    @Message("Consultation")
    String col_consultation();

    @Message("Chatham House rule")
    String col_rule();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Sign in as an observer, an auditor or the secretariat to read the consultations.")
    String sign_in_required();

    @Message("Only the committee's observers, auditors and the secretariat read the consultations.")
    String role_cannot_read();

    @Message("No consultation “{id}”.")
    String consultation_unknown(String id);

    @Message("All consultations")
    String back_to_consultations();

    @Message("Consultation {id}")
    String consultation_id(String id);

    @Message("The Chatham House rule applies: a cell that could single out one stakeholder (a count of one, or a kind with fewer than two registered stakeholders) is suppressed, and so is every total that includes it.")
    String chatham_applies();

    @Message("The Chatham House rule does not apply to this consultation: every count is shown.")
    String chatham_not();

    @Message("Options")
    String options_title();

    @Message("Tally")
    String tally_title();

    @Message("Stances by option and stakeholder kind")
    String tally_caption();

    @Message("No submission yet.")
    String tally_none();

    @Message("Option")
    String col_option();

    @Message("Stance")
    String col_stance();

    @Message("All kinds")
    String all_kinds();

    @Message("All stances")
    String all_stances();

    @Message("{#when stance}{#is 'SUPPORT'}Support{#is 'OPPOSE'}Oppose{#is 'NEUTRAL'}Neutral{#else}{stance}{/when}")
    String stance(String stance);

    @Message("{#when kind}{#is 'SERVICE_PROVIDER'}Service providers{#is 'CIVIL_SOCIETY'}Civil society{#is 'DATA_PROTECTION_AUTHORITY'}Data protection authorities{#is 'STATE'}States{#is 'ACADEMIA'}Academia{#is 'INDUSTRY_ASSOCIATION'}Industry associations{#else}{kind}{/when}")
    String kind(String kind);

    @Message("suppressed")
    String suppressed();

    @Message("withheld under the Chatham House rule: it could single out one stakeholder")
    String suppressed_why();

    @Message("withheld: it includes a cell suppressed under the Chatham House rule")
    String total_suppressed_why();
}
