package no.trondelag.samhandling.app.golden;

/**
 * The hand-written part of the golden ledger, sent over HTTP on a freshly seeded ledger, in the order it is recorded:
 * <ol>
 *     <li>the 2018 history of {@code docs/examples/2018-history.sh}, command for command;</li>
 *     <li>2018–2019: further joins (Klæbu, Orkdal, Snillfjord, Hitra, Ørland, Osen, Stjørdal, Steinkjer, Vikna,
 *     Rindal, the county authority by steering-group decision), eFagråd, strategy-group representatives, a
 *     correction of the 2018 decision, the leaders' competence programme, maturity assessments, national
 *     components, a revised 2019 budget below 2 FTE, allocations from every source, pledges, a second and a third
 *     initiative (one cancelled, one left proposed), milestones, Osen's withdrawal, Rennebu's move to
 *     Orkdalsregionen, Rindal moving in from Møre og Romsdal (2019) and Halsa registered ahead of its merge;</li>
 *     <li>the merges of 1 January 2020 from the reference data's municipality changes: Trondheim with Klæbu
 *     (continuing as 5001), Steinkjer, Namsos, Ørland, Åfjord, Nærøysund, and Snillfjord split between Heim (with
 *     Hemne and Halsa), Hitra and Orkland (with Agdenes, Meldal and Orkdal);</li>
 *     <li>2020: representatives and pledges of the successors, Osen re-joining, Stjørdal withdrawing and
 *     re-joining, the first initiative completed, a correction of a 2019 decision;</li>
 *     <li>late entries, recorded last with effective dates in 2018 (a decision of March 2018 and an initiative
 *     approved on it, Frøya's join, Fosen's eFagråd, an earlier assessment and adoption, a pledge, a second
 *     correction, an earlier milestone).</li>
 * </ol>
 * Between the parts it takes the named instants the goldens read at as {@code knownAt}: {@code seeded},
 * {@code history-script}, {@code before-merges}, {@code before-late} and {@code after-late}. The case numbers,
 * council dates, populations after the merges and all amounts are illustrative.
 */
final class GoldenScenario {

    static final String DECISION_2018 = "sg-2018-05-02-07";

    private final GoldenLedger ledger;

    GoldenScenario(GoldenLedger ledger) {
        this.ledger = ledger;
    }

    void run() {
        ledger.mark("seeded");
        historyScript();
        ledger.mark("history-script");
        upToTheMerges();
        ledger.mark("before-merges");
        merges();
        after2020();
        ledger.mark("before-late");
        lateEntries();
        ledger.mark("after-late");
    }

    /** docs/examples/2018-history.sh, with the same bodies. */
    private void historyScript() {
        ledger.send("RecordSteeringGroupDecision", """
                {"decisionId": "sg-2018-05-02-07", "meetingDate": "2018-05-02", "caseNumber": "18/7",
                 "title": "Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021",
                 "text": "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
                 "points": ["Strategien vedtas.", "Det utarbeides en samarbeidsavtale for kommunene.",
                   "Rådmannsutvalget er styringsgruppe for samhandlingen.",
                   "Det etableres en strategigruppe med et sekretariat på minst 2 årsverk.",
                   "Regionene etablerer regionale eFagråd.", "Et kompetanseprogram for ledere starter høsten 2018.",
                   "Felles sak-/arkivsystem er første felles satsing.", "Oppstarten finansieres med skjønnsmidler.",
                   "Kommunene anbefales å slutte seg til samarbeidet."]}""");
        join("5054", "2018-06-14", "Indre Fosen kommunestyre", "18/1234", "2018-06-14");
        ledger.send("ProposeInitiative", """
                {"initiativeId": "felles-sak-arkiv", "title": "Felles sak- og arkivsystem",
                 "description": "Felles anskaffelse og innføring av sak-/arkivsystem for kommunene i Trøndelag.",
                 "pillar": "PRIORITISED_INITIATIVES", "goals": [1, 3, 4], "proposedBy": "Rådmannsutvalget"}""");
        approve("felles-sak-arkiv", DECISION_2018, "1500000.00");
        joinInitiative("felles-sak-arkiv", "5054", "2018-09-01");
        budget(2019, "2.0", "2000000.00", DECISION_2018);
        allocate(2019, "DISCRETIONARY_GRANT", "1000000.00", DECISION_2018);
        pledge(2019, "5054", "50000.00", "Indre Fosen kommunestyre", "18/1234", "2018-06-14");
    }

    private void upToTheMerges() {
        join("5030", "2018-10-01", "Klæbu kommunestyre", "18/55", "2018-10-01");
        join("5024", "2018-09-10", "Orkdal kommunestyre", "18/61", "2018-09-06");
        join("5012", "2018-11-01", "Snillfjord kommunestyre", "18/30", "2018-10-25");
        join("5013", "2018-10-15", "Hitra kommunestyre", "18/88", "2018-10-11");
        join("5015", "2018-08-30", "Ørland kommunestyre", "18/42", "2018-08-30");
        join("5020", "2018-08-20", "Osen kommunestyre", "18/19", "2018-08-16");
        join("5035", "2018-06-20", "Stjørdal kommunestyre", "18/101", "2018-06-20");
        ledger.send("RegisterParticipant", """
                {"participantId": "817920632", "name": "Trøndelag fylkeskommune", "kind": "COUNTY_AUTHORITY",
                 "population": 0, "effectiveDate": "2018-01-01"}""");
        ledger.send("JoinCollaboration", """
                {"participantId": "817920632", "effectiveDate": "2018-05-02",
                 "authority": {"decisionId": "sg-2018-05-02-07"}}""");
        ledger.send("RegisterParticipant", """
                {"participantId": "974764687", "name": "Statsforvalteren i Trøndelag", "kind": "STATE_AGENCY",
                 "regionId": "trondheimsregionen", "population": 0, "effectiveDate": "2018-01-01"}""");
        ledger.send("EstablishEFagraad", """
                {"regionId": "trondheimsregionen", "effectiveDate": "2018-09-01",
                 "authority": {"decisionId": "sg-2018-05-02-07"}}""");
        ledger.send("EstablishEFagraad", """
                {"regionId": "orkdalsregionen", "effectiveDate": "2018-12-01",
                 "authority": {"body": "Orkdalsregionen regionråd", "caseNumber": "RR 12/18", "date": "2018-11-20"}}""");
        representative("fosen", "5054", "2018-07-01", "{\"decisionId\": \"sg-2018-05-02-07\"}");
        representative("orkdalsregionen", "5024", "2018-10-01",
                "{\"body\": \"Orkdalsregionen regionråd\", \"caseNumber\": \"RR 9/18\", \"date\": \"2018-09-25\"}");
        ledger.send("CorrectSteeringGroupDecision", """
                {"decisionId": "sg-2018-05-02-07",
                 "text": "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
                 "points": ["Strategien vedtas.", "Det utarbeides en samarbeidsavtale for kommunene.",
                   "Rådmannsutvalget er styringsgruppe for samhandlingen.",
                   "Det etableres en strategigruppe med et sekretariat på minst 2 årsverk, finansiert for 2019.",
                   "Regionene etablerer regionale eFagråd.", "Et kompetanseprogram for ledere starter høsten 2018.",
                   "Felles sak-/arkivsystem er første felles satsing.", "Oppstarten finansieres med skjønnsmidler.",
                   "Kommunene anbefales å slutte seg til samarbeidet."],
                 "reason": "Punkt 4 manglet finansieringsåret, jf. protokollen."}""");

        decision("sg-2018-11-28-12", "2018-11-28", "18/12", "Kompetanseprogram for ledere",
                "Rådmannsutvalget starter kompetanseprogrammet for ledere.", "Programmet starter januar 2019.");
        ledger.send("ProposeInitiative", """
                {"initiativeId": "kompetanseprogram-ledere", "title": "Kompetanseprogram for ledere",
                 "pillar": "COMPETENCE", "goals": [2]}""");
        approve("kompetanseprogram-ledere", "sg-2018-11-28-12", "300000");
        joinInitiative("kompetanseprogram-ledere", "5054", "2019-01-10");
        joinInitiative("kompetanseprogram-ledere", "5024", "2019-01-10");
        joinInitiative("kompetanseprogram-ledere", "5030", "2019-01-15");
        enrol("5054", "2018-H", 12);
        enrol("5024", "2018-H", 8);
        enrol("5030", "2018-H", 5);
        complete("5054", "2018-H", 11);
        complete("5024", "2018-H", 8);

        assess("5054", "2019-05-01", "3.4", "DigiMat");
        assess("5024", "2019-04-10", "2.8", "DigiMat");
        assess("5012", "2019-04-20", "2.1", null);
        assess("5030", "2019-03-01", "3.0", "DigiMat");
        adopt("5054", "ID-porten", "2019-01-15");
        adopt("5054", "Altinn", "2019-03-01");
        adopt("5024", "ID-porten", "2018-12-10");
        adopt("5030", "SvarUt", "2019-02-01");
        adopt("5013", "ID-porten", "2019-06-01");

        decision("sg-2019-02-13-01", "2019-02-13", "19/1", "Revidert sekretariatsbudsjett 2019",
                "Budsjettet for 2019 reduseres.", "Sekretariatet bemannes med 1,8 årsverk i 2019.");
        budget(2019, "1.8", "1800000.00", "sg-2019-02-13-01");
        allocate(2019, "COUNTY_AUTHORITY", "500000.00", "sg-2019-02-13-01");
        pledge(2019, "5024", "40000", "Orkdal kommunestyre", "19/20", "2019-02-20");
        pledge(2019, "5030", "20000.50", "Klæbu kommunestyre", "19/7", "2019-03-05");
        pledge(2019, "817920632", "250000", null, null, null);

        ledger.send("ProposeInitiative", """
                {"initiativeId": "digital-innbyggerdialog", "title": "Digital innbyggerdialog",
                 "description": "Felles chatbot, \\"Min side\\" og varsling, med komma, og linjeskift.\\nAndre linje.",
                 "pillar": "PRIORITISED_INITIATIVES", "goals": [5, 1, 2], "proposedBy": "Strategigruppen"}""");
        decision("sg-2019-06-12-03", "2019-06-12", "19/3", "Digital innbyggerdialog og budsjett 2020",
                "Rådmannsutvalget godkjenner satsingen og budsjettet for 2020.", "Satsingen godkjennes.",
                "Budsjett 2020 fastsettes.");
        approve("digital-innbyggerdialog", "sg-2019-06-12-03", "2500000");
        joinInitiative("digital-innbyggerdialog", "5054", "2019-07-01");
        joinInitiative("digital-innbyggerdialog", "5013", "2019-08-15");
        joinInitiative("digital-innbyggerdialog", "5012", "2019-08-15");
        milestone("felles-sak-arkiv", "Anskaffelse gjennomført", "2019-03-15", 40);
        milestone("felles-sak-arkiv", "Pilot i Indre Fosen", "2019-09-30", 60);
        ledger.send("WithdrawFromCollaboration", """
                {"participantId": "5020", "effectiveDate": "2019-06-30",
                 "authority": {"body": "Osen kommunestyre", "caseNumber": "19/44", "date": "2019-06-20"},
                 "reason": "Budsjettsituasjonen"}""");
        ledger.send("MoveParticipantToRegion", """
                {"participantId": "5022", "regionId": "orkdalsregionen", "effectiveDate": "2019-07-01",
                 "authority": {"body": "Rennebu kommunestyre", "caseNumber": "19/15", "date": "2019-05-23"}}""");
        ledger.send("LeaveInitiative", """
                {"initiativeId": "kompetanseprogram-ledere", "participantId": "5030", "effectiveDate": "2019-10-01"}""");
        budget(2020, "2.0", "2100000", "sg-2019-06-12-03");
        allocate(2020, "DISCRETIONARY_GRANT", "800000", "sg-2019-06-12-03");
        allocate(2020, "PARTICIPANT_CONTRIBUTIONS", "400000", "sg-2019-06-12-03");
        allocate(2020, "OTHER", "100000.10", "sg-2019-06-12-03");
        ledger.send("ProposeInitiative", """
                {"initiativeId": "felles-skyplattform", "title": "Felles skyplattform",
                 "pillar": "STRUCTURE_AND_GOVERNANCE", "goals": [5], "proposedBy": "IKT Orkdal"}""");
        ledger.send("CancelInitiative", """
                {"initiativeId": "felles-skyplattform", "decisionId": "sg-2019-06-12-03",
                 "reason": "Erstattes av en nasjonal løsning"}""");
        ledger.send("ProposeInitiative", """
                {"initiativeId": "felles-innkjop", "title": "Felles innkjøpskontor", "pillar": "STRUCTURE_AND_GOVERNANCE",
                 "goals": [4, 3]}""");
        ledger.send("RegisterParticipant", """
                {"participantId": "5061", "name": "Rindal", "kind": "MUNICIPALITY", "regionId": "orkdalsregionen",
                 "population": 2013, "effectiveDate": "2019-01-01"}""");
        join("5061", "2019-09-01", "Rindal kommunestyre", "19/33", "2019-08-29");
        ledger.send("RegisterParticipant", """
                {"participantId": "1571", "name": "Halsa", "kind": "MUNICIPALITY", "regionId": "orkdalsregionen",
                 "population": 1565, "effectiveDate": "2019-12-31"}""");
        join("5004", "2019-02-01", "Steinkjer kommunestyre", "19/2", "2019-01-31");
        join("5050", "2019-03-01", "Vikna kommunestyre", "19/12", "2019-02-28");
    }

    /** The merges of 1 January 2020, on the Storting's decision of 8 June 2017 (Innst. 386 S (2016–2017)). */
    private void merges() {
        merge("5001", "Trondheim", "trondheimsregionen", 199595, "5001", "5030");
        merge("5006", "Steinkjer", "inn-trondelag", 24179, "5004", "5039");
        merge("5007", "Namsos", "namdal", 15043, "5005", "5040", "5048");
        merge("5055", "Heim", "orkdalsregionen", 5979, "5011", "1571", "5012");
        merge("5056", "Hitra", "orkdalsregionen", 5137, "5013", "5012");
        merge("5057", "Ørland", "fosen", 10292, "5015", "5017");
        merge("5058", "Åfjord", "fosen", 4249, "5018", "5019");
        merge("5059", "Orkland", "orkdalsregionen", 18005, "5016", "5023", "5024", "5012");
        merge("5060", "Nærøysund", "namdal", 9773, "5050", "5051");
    }

    private void after2020() {
        representative("trondheimsregionen", "5001", "2020-01-15", "{\"decisionId\": \"sg-2019-06-12-03\"}");
        representative("orkdalsregionen", "5059", "2020-01-15",
                "{\"body\": \"Orkdalsregionen regionråd\", \"caseNumber\": \"RR 1/20\", \"date\": \"2020-01-10\"}");
        joinInitiative("digital-innbyggerdialog", "5059", "2020-02-01");
        join("5020", "2020-03-01", "Osen kommunestyre", "20/5", "2020-02-27");
        pledge(2020, "5059", "60000", "Orkland kommunestyre", "20/3", "2020-01-20");
        pledge(2020, "5001", "150000", "Trondheim bystyre", "20/11", "2020-01-30");
        decision("sg-2020-02-05-01", "2020-02-05", "20/1", "Avslutning av felles sak-/arkivsystem",
                "Satsingen avsluttes når systemet er i drift.", "Satsingen avsluttes 30. juni 2020.");
        ledger.send("CompleteInitiative", """
                {"initiativeId": "felles-sak-arkiv", "effectiveDate": "2020-06-30", "decisionId": "sg-2020-02-05-01"}""");
        milestone("digital-innbyggerdialog", "Løsning valgt", "2020-03-01", 30);
        enrol("5059", "2020-V", 10);
        complete("5059", "2020-V", 9);
        assess("5059", "2020-05-01", "3.1", "DigiMat");
        assess("5001", "2020-05-02", "3.9", "DigiMat");
        adopt("5059", "ID-porten", "2020-02-01");
        ledger.send("WithdrawFromCollaboration", """
                {"participantId": "5035", "effectiveDate": "2020-06-30",
                 "authority": {"body": "Stjørdal kommunestyre", "caseNumber": "20/40", "date": "2020-06-18"}}""");
        join("5035", "2021-01-01", "Stjørdal kommunestyre", "20/77", "2020-12-10");
        ledger.send("CorrectSteeringGroupDecision", """
                {"decisionId": "sg-2019-06-12-03", "text": "Rådmannsutvalget godkjenner satsingen og budsjettet for 2020.",
                 "points": ["Satsingen godkjennes.", "Budsjett 2020 fastsettes til 2,1 millioner kroner."],
                 "reason": "Beløpet manglet i punkt 2."}""");
    }

    /** Recorded last, with effective dates long before: what a read known at {@code before-late} does not show. */
    private void lateEntries() {
        decision("sg-2018-03-15-02", "2018-03-15", "18/2", "Forprosjekt for samhandling",
                "Rådmannsutvalget starter et forprosjekt.", "Forprosjektet leverer strategiutkast innen mai 2018.");
        ledger.send("ProposeInitiative", """
                {"initiativeId": "forprosjekt-samhandling", "title": "Forprosjekt for samhandling",
                 "pillar": "STRUCTURE_AND_GOVERNANCE", "goals": [5], "proposedBy": "Rådmannsutvalget"}""");
        approve("forprosjekt-samhandling", "sg-2018-03-15-02", "200000");
        joinInitiative("forprosjekt-samhandling", "5054", "2018-06-14");
        join("5014", "2018-08-01", "Frøya kommunestyre", "18/77", "2018-07-01");
        ledger.send("EstablishEFagraad", """
                {"regionId": "fosen", "effectiveDate": "2018-09-01", "authority": {"decisionId": "sg-2018-05-02-07"}}""");
        assess("5054", "2018-11-15", "2.9", "DigiMat");
        adopt("5054", "Digipost", "2018-12-01");
        pledge(2019, "5014", "15000", "Frøya kommunestyre", "18/77", "2018-07-01");
        ledger.send("CorrectSteeringGroupDecision", """
                {"decisionId": "sg-2018-05-02-07",
                 "text": "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
                 "points": ["Strategien vedtas."], "reason": "Bare punkt 1 er vedtak; resten er orienteringer."}""");
        milestone("digital-innbyggerdialog", "Forstudie ferdig", "2019-12-01", 30);
    }

    private void join(String participantId, String effectiveDate, String body, String caseNumber, String date) {
        ledger.send("JoinCollaboration", """
                {"participantId": "%s", "effectiveDate": "%s",
                 "authority": {"body": "%s", "caseNumber": "%s", "date": "%s"}}"""
                .formatted(participantId, effectiveDate, body, caseNumber, date));
    }

    private void decision(String decisionId, String meetingDate, String caseNumber, String title, String text,
                          String... points) {
        ledger.send("RecordSteeringGroupDecision", """
                {"decisionId": "%s", "meetingDate": "%s", "caseNumber": "%s", "title": "%s", "text": "%s",
                 "points": [%s]}""".formatted(decisionId, meetingDate, caseNumber, title, text,
                String.join(", ", java.util.Arrays.stream(points).map(p -> "\"" + p + "\"").toList())));
    }

    private void approve(String initiativeId, String decisionId, String budgetNok) {
        ledger.send("ApproveInitiative", """
                {"initiativeId": "%s", "decisionId": "%s", "budgetNok": "%s"}"""
                .formatted(initiativeId, decisionId, budgetNok));
    }

    private void joinInitiative(String initiativeId, String participantId, String effectiveDate) {
        ledger.send("JoinInitiative", """
                {"initiativeId": "%s", "participantId": "%s", "effectiveDate": "%s"}"""
                .formatted(initiativeId, participantId, effectiveDate));
    }

    private void milestone(String initiativeId, String milestone, String reachedOn, int progressPercent) {
        ledger.send("RecordInitiativeMilestone", """
                {"initiativeId": "%s", "milestone": "%s", "reachedOn": "%s", "progressPercent": %d}"""
                .formatted(initiativeId, milestone, reachedOn, progressPercent));
    }

    private void budget(int year, String requiredFte, String amountNok, String decisionId) {
        ledger.send("SetSecretariatBudget", """
                {"year": %d, "requiredFte": %s, "amountNok": "%s", "decisionId": "%s"}"""
                .formatted(year, requiredFte, amountNok, decisionId));
    }

    private void allocate(int year, String source, String amountNok, String decisionId) {
        ledger.send("AllocateSecretariatFunding", """
                {"year": %d, "source": "%s", "amountNok": "%s", "decisionId": "%s"}"""
                .formatted(year, source, amountNok, decisionId));
    }

    /** A pledge on a council decision, or, without a body, on the 2018 steering-group decision. */
    private void pledge(int year, String participantId, String amountNok, String body, String caseNumber,
                        String date) {
        String authority = body == null ? "{\"decisionId\": \"" + DECISION_2018 + "\"}"
                : "{\"body\": \"%s\", \"caseNumber\": \"%s\", \"date\": \"%s\"}".formatted(body, caseNumber, date);
        ledger.send("PledgeSecretariatFunding", """
                {"year": %d, "participantId": "%s", "amountNok": %s, "authority": %s}"""
                .formatted(year, participantId, amountNok.contains(".") ? "\"" + amountNok + "\"" : amountNok,
                        authority));
    }

    private void representative(String regionId, String participantId, String effectiveDate, String authority) {
        ledger.send("AppointStrategyGroupRepresentative", """
                {"regionId": "%s", "participantId": "%s", "effectiveDate": "%s", "authority": %s}"""
                .formatted(regionId, participantId, effectiveDate, authority));
    }

    private void enrol(String participantId, String cohort, int leaders) {
        ledger.send("EnrolInCompetenceProgramme", """
                {"participantId": "%s", "cohort": "%s", "leaders": %d}""".formatted(participantId, cohort, leaders));
    }

    private void complete(String participantId, String cohort, int leadersCompleted) {
        ledger.send("CompleteCompetenceProgramme", """
                {"participantId": "%s", "cohort": "%s", "leadersCompleted": %d}"""
                .formatted(participantId, cohort, leadersCompleted));
    }

    private void assess(String participantId, String assessedOn, String score, String method) {
        ledger.send("RecordMaturityAssessment", """
                {"participantId": "%s", "assessedOn": "%s", "score": %s%s}"""
                .formatted(participantId, assessedOn, score,
                        method == null ? "" : ", \"method\": \"" + method + "\""));
    }

    private void adopt(String participantId, String component, String adoptedOn) {
        ledger.send("RecordNationalComponentAdoption", """
                {"participantId": "%s", "component": "%s", "adoptedOn": "%s"}"""
                .formatted(participantId, component, adoptedOn));
    }

    private void merge(String successorId, String successorName, String regionId, int population,
                       String... predecessorIds) {
        ledger.send("MergeParticipants", """
                {"successorId": "%s", "successorName": "%s", "predecessorIds": [%s], "regionId": "%s",
                 "population": %d, "effectiveDate": "2020-01-01",
                 "authority": {"body": "Stortinget", "caseNumber": "Innst. 386 S (2016-2017)", "date": "2017-06-08"}}"""
                .formatted(successorId, successorName,
                        String.join(", ", java.util.Arrays.stream(predecessorIds).map(p -> "\"" + p + "\"").toList()),
                        regionId, population));
    }
}
