package org.tcyledger.projection.infra;

/**
 * Example answers for the OpenAPI document, taken from the real record as the demo loads it (T-CY 9 adopted five
 * guidance notes on 2013-06-05; Estonia has been a Party since 2004-07-01).
 */
public final class ApiExamples {

    public static final String NOTE_VERSIONS = """
            [{"id":"gn-botnets","version":1,"title":"Guidance Note on botnets T-CY(2013)6","articles":["2"],            "en":"[demo: the text of T-CY(2013)6 is not reproduced; invented placeholder]",            "fr":"[démo : le texte de T-CY(2013)6 n'est pas reproduit]","englishOnly":false,            "adoption":{"meetingId":"T-CY-9","decisionId":"d3","adoptedOn":"2013-06-05"}}]""";

    public static final String MEETINGS = """
            [{"id":"T-CY-9","kind":"PLENARY","title":"9th Plenary of the T-CY","venue":"Strasbourg",\
            "startsOn":"2013-06-04","endsOn":"2013-06-05","closed":true,"report":"T-CY(2013)11",\
            "reportPublishedOn":"2013-06-05"}]""";

    public static final String OUTCOMES = """
            {"meeting":{"id":"T-CY-9","kind":"PLENARY","title":"9th Plenary of the T-CY","venue":"Strasbourg",\
            "startsOn":"2013-06-04","endsOn":"2013-06-05","closed":true,"report":"T-CY(2013)11",\
            "reportPublishedOn":"2013-06-05"},"agenda":[{"itemId":"guidance-notes","title":"Guidance notes",\
            "documentSymbols":["T-CY(2013)6E"]}],"attendance":{"PARTY":["EE","FR"],"OBSERVER":["ZA"]},\
            "decisions":[{"decisionId":"d3","agendaItemId":"guidance-notes",\
            "kind":"ADOPT_GUIDANCE_NOTE","subject":"gn-botnets","version":1,"text":"The T-CY adopted the Guidance \
            Note on botnets","vote":{"mode":"CONSENSUS","for":null,"against":null,"abstentions":null},\
            "adoptedOn":"2013-06-05"}],"documentsAdopted":["gn-botnets v1"]}""";

    public static final String REPORTS = "[" + ApiExamples.REPORT + "]";

    public static final String REPORT = """
            {"cycleId":"round-1-expedited-preservation","title":"Assessment report: the expedited preservation \
            provisions","articles":["16","17","29","30"],"assessedParties":["EE","FR"],"version":1,\
            "meetingId":"T-CY-8","decisionId":"T-CY-8-adopt-round-1","adoptedOn":"2012-12-05",\
            "findings":[{"partyId":"EE","article":"16","text":"Article 16 is implemented."}],\
            "recommendations":[{"id":"r1","addressee":"Parties","text":"Make full use of Article 16.",\
            "priority":"HIGH"}],"followUps":[{"recommendationId":"r1","partyId":"EE","status":"IMPLEMENTED",\
            "assessedOn":"2014-12-02","note":null}]}""";

    public static final String REGISTER = "[" + ApiExamples.REGISTER_ENTRY + "]";

    public static final String REGISTER_ENTRY = """
            {"id":"EE","name":"Estonia","kind":"STATE","treaty":"ETS185","status":"PARTY",\
            "entryIntoForceOn":"2004-07-01","capacity":"PARTY","contactPoint":{"unit":"Cybercrime unit",\
            "phone":"[erased]","email":"[erased]"}}""";

    public static final String SUMMARY = """
            {"consultationId":"ceg-2015-hearing","title":"Criminal justice access to evidence in the cloud",\
            "chathamHouse":true,"options":[{"id":"2","text":"Guidance notes"},{"id":"3","text":"A protocol"}],\
            "tally":[{"optionId":"2","kind":"SERVICE_PROVIDER","stance":"SUPPORT","count":2,"suppressed":false},\
            {"optionId":"3","kind":"CIVIL_SOCIETY","stance":"OPPOSE","count":null,"suppressed":true}]}""";

    public static final String AUDIT_EVENTS = """
            {"events":[{"position":1,"id":"0d0c7f3e-4a53-4a8e-9a8f-2d1f4b6c9e11","source":"/tcy/membership",\
            "type":"tcy.membership.MemberRegistered.v1","subject":"EE","sequence":0,\
            "time":"2026-11-22T10:00:00.000000Z","actor":"secretariat-1","correlationId":"c-1","causationId":null,\
            "data":{"memberId":"EE","name":"Estonia","kind":"STATE","councilOfEuropeMember":true},\
            "prevhash":"0000000000000000000000000000000000000000000000000000000000000000",\
            "hash":"5b1f0e7d8c2a4f6e9b3d1c0a7e5f2b4d6c8a0e2f4b6d8c0a2e4f6b8d0c2a4e6f"}],"nextAfter":1}""";

    public static final String VERIFICATION = """
            {"verified":false,"aggregates":48,"events":284,"breaks":[{"subject":"T-CY-11","sequence":1,\
            "eventId":null,"reason":"checkpoint 3 covers sequence 1, the record has only up to 0 of this stream"}],\
            "sources":[{"source":"/tcy/meetings","events":190,"streams":19,"checkpoints":4,"covered":186,"uncovered":0,\
            "lastCheckpoint":"2026-11-30T06:13:43.643Z","breaks":[{"subject":"T-CY-11","sequence":1,"eventId":null,\
            "reason":"checkpoint 3 covers sequence 1, the record has only up to 0 of this stream"}],"verified":false}],\
            "caughtUp":true}""";

    public static final String REBUILD = """
            {"id":"6f1c2d3e-…","state":"DONE","equal":true,"switched":true,"requestedBy":"auditor-1",\
            "requestedAt":"2026-11-22T10:00:00Z","finishedAt":"2026-11-22T10:00:04Z","schema":null,"keptUntil":null,"events":1656,\
            "applySeconds":1.2,"eventsPerSecond":1380,"compareSeconds":0.3,"readModels":[{"group":"projection-audit",\
            "topics":["tcy.membership.v1","tcy.meetings.v1","tcy.assessments.v1","tcy.cloud-evidence.v1"],\
            "events":276,"applied":276,"duplicates":0,"gaps":0,"endOffsets":276}],"differences":[],"error":null}""";

    public static final String CHART = """
            {"treaty":"ETS185","asOf":"2004-09-01","rows":[{"memberId":"EE","name":"Estonia",\
            "councilOfEuropeMember":true,"signedOn":"2001-11-23","depositedOn":"2003-05-12","instrument":"RATIFICATION",\
            "entryIntoForceOn":"2004-07-01","reservations":false,"declarations":false,"authorities":true,\
            "territorialApplication":false,"denouncedOn":null},{"memberId":"RO","name":"Romania",\
            "councilOfEuropeMember":true,"signedOn":"2001-11-23","depositedOn":"2004-05-12","instrument":"RATIFICATION",\
            "entryIntoForceOn":"2004-09-01","reservations":false,"declarations":false,"authorities":true,\
            "territorialApplication":false,"denouncedOn":null},{"memberId":"US","name":"United States of America",\
            "councilOfEuropeMember":false,"signedOn":"2001-11-23","depositedOn":null,"instrument":null,\
            "entryIntoForceOn":null,"reservations":false,"declarations":false,"authorities":false,\
            "territorialApplication":false,"denouncedOn":null}],\
            "totals":{"signaturesNotFollowedByRatification":1,"ratificationsOrAccessions":2}}""";

    public static final String CHART_CSV = "memberId,name,councilOfEuropeMember,signedOn,depositedOn,instrument,"
            + "entryIntoForceOn,reservations,declarations,authorities,territorialApplication,denouncedOn\r\n"
            + "EE,Estonia,true,2001-11-23,2003-05-12,RATIFICATION,2004-07-01,false,false,true,false,\r\n"
            + "RO,Romania,true,2001-11-23,2004-05-12,RATIFICATION,2004-09-01,false,false,true,false,\r\n"
            + "US,United States of America,false,2001-11-23,,,,false,false,false,false,\r\n";

    public static final String NETWORK = """
            [{"memberId":"EE","name":"Estonia","units":[{"unitId":"3f2a9c1e-7b4d-4e8a-9c61-2d5f0b8e4a17",\
            "institution":"Cybercrime unit","phone":"[erased]","email":"[erased]","hours":null,"person":null,\
            "designatedOn":"2004-07-01"},{"unitId":"ee-prosecutor","institution":"Office of the Prosecutor General",\
            "phone":"+372 000 0000","email":"24-7@example.invalid","hours":"24/7","person":"[erased]",\
            "designatedOn":"2010-01-01"}]}]""";

    /** T-CY 23 elected the Bureau on 2020-11-30; its report does not state the terms (these are invented). */
    public static final String BUREAU = """
            {"asOf":"2021-06-01","seats":[{"memberId":"RO","name":"Romania","post":"CHAIR","termFrom":"2020-11-30",\
            "termUntil":"2022-11-29","electedAt":"T-CY-23","decisionId":"T-CY-23-bureau"},{"memberId":"PT",\
            "name":"Portugal","post":"VICE_CHAIR","termFrom":"2020-11-30","termUntil":"2022-11-29",\
            "electedAt":"T-CY-23","decisionId":"T-CY-23-bureau"},{"memberId":"AU","name":"Australia",\
            "post":"MEMBER","termFrom":"2020-11-30","termUntil":"2022-11-29","electedAt":"T-CY-23",\
            "decisionId":"T-CY-23-bureau"}]}""";

    public static final String WORKING_BODIES = "[" + ApiExamples.WORKING_BODY + "]";

    /** The Protocol Drafting Plenary: terms of reference T-CY(2017)3 (T-CY 17; the day is invented), extended by T-CY 23. */
    public static final String WORKING_BODY = """
            {"id":"pdp","name":"Protocol Drafting Plenary","kind":"PROTOCOL_DRAFTING_GROUP",\
            "termsOfReference":"T-CY(2017)3","establishedOn":"2017-06-08","establishedAt":"T-CY-17",\
            "mandateUntil":"2021-05-31","extensions":[{"mandateUntil":"2021-05-31","meetingId":"T-CY-23",\
            "decisionId":"T-CY-23-pdp-mandate","extendedOn":"2020-11-30"}],"members":[],\
            "meetings":[{"meetingId":"PDP-9","title":"9th Protocol Drafting Plenary","kind":"PROTOCOL_DRAFTING",\
            "startsOn":"2021-04-12","endsOn":"2021-04-12"}]}""";

    private ApiExamples() {
    }
}
