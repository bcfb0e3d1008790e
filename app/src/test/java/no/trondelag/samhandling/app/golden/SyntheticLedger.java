package no.trondelag.samhandling.app.golden;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A synthetic ledger of a few thousand events on top of the scenario, drawn from a pseudo-random generator with a
 * fixed seed, so that every run sends the same commands in the same order. It has entities of its own (regions
 * {@code syn-region-NN}, municipalities 7001–7060 and their merge successors from 7101, organisations from
 * 910000001, decisions {@code syn-sg-NNN}, initiatives {@code syn-initiative-NN}, secretariat years 2021–2025), so
 * the scenario's own figures stay readable per region. It keeps just enough of the write model's state to send only
 * commands that are accepted; every command must be, or the generator is wrong. Every effective date lies in
 * 2018–2025, so reports read at today's date do not change from day to day.
 */
final class SyntheticLedger {

    static final long SEED = 20180502L;

    private static final LocalDate START = LocalDate.of(2018, 1, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);
    private static final int REGIONS = 4;
    private static final int MUNICIPALITIES = 60;
    private static final int ORGANISATIONS = 16;
    private static final int DECISIONS = 36;
    private static final int INITIATIVES = 24;
    private static final List<String> COMPONENTS = List.of("ID-porten", "Altinn", "Digipost", "SvarUt", "eByggesak",
            "Folkeregisteret", "Felles datakatalog", "KS Fiks");
    private static final List<String> COHORTS = List.of("2019-V", "2019-H", "2020-V", "2021-V", "2022-H");
    private static final List<String> PILLARS = List.of("STRUCTURE_AND_GOVERNANCE", "COMPETENCE",
            "PRIORITISED_INITIATIVES");
    private static final List<String> SOURCES = List.of("DISCRETIONARY_GRANT", "COUNTY_AUTHORITY",
            "PARTICIPANT_CONTRIBUTIONS", "OTHER");
    private static final List<String> KINDS = List.of("COUNTY_AUTHORITY", "STATE_AGENCY", "OTHER");

    private final GoldenLedger ledger;
    private final int targetCommands;
    private final Random random = new Random(SEED);

    private final List<String> regions = new ArrayList<>();
    private final Set<String> eFagraad = new HashSet<>();
    private final List<String> decisions = new ArrayList<>();
    private final Map<String, LocalDate> meetingDates = new HashMap<>();
    private final List<Participant> participants = new ArrayList<>();
    private final List<Initiative> initiatives = new ArrayList<>();
    private final Map<Integer, Year> years = new HashMap<>();
    private int nextSuccessor = 7101;
    private int commands;

    SyntheticLedger(GoldenLedger ledger, int targetCommands) {
        this.ledger = ledger;
        this.targetCommands = targetCommands;
    }

    private static final class Participant {
        final String id;
        final boolean municipality;
        final LocalDate registeredOn;
        String regionId;
        LocalDate lastChange;
        boolean member;
        boolean mergedAway;
        final Set<String> components = new HashSet<>();
        final Map<String, Integer> enrolled = new HashMap<>();
        final Set<String> completed = new HashSet<>();

        Participant(String id, boolean municipality, String regionId, LocalDate registeredOn) {
            this.id = id;
            this.municipality = municipality;
            this.regionId = regionId;
            this.registeredOn = registeredOn;
            this.lastChange = registeredOn;
        }

        boolean activeMember() {
            return member && !mergedAway;
        }
    }

    private static final class Initiative {
        final String id;
        String status = "PROPOSED";
        int progress;
        final Set<String> participants = new LinkedHashSet<>();

        Initiative(String id) {
            this.id = id;
        }
    }

    private static final class Year {
        BigDecimal budget;
        BigDecimal allocated = BigDecimal.ZERO;
        final Set<String> decisions = new HashSet<>();
    }

    void run() {
        for (int r = 1; r <= REGIONS; r++) {
            String regionId = "syn-region-%02d".formatted(r);
            regions.add(regionId);
            send("RegisterRegion", "{\"regionId\":\"%s\",\"name\":\"Syntetisk region %d\"}".formatted(regionId, r));
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        while (dates.size() < DECISIONS) {
            dates.add(date(LocalDate.of(2018, 1, 15), END.minusDays(15)));
        }
        int d = 1;
        for (LocalDate meeting : dates) {
            String decisionId = "syn-sg-%03d".formatted(d);
            decisions.add(decisionId);
            meetingDates.put(decisionId, meeting);
            send("RecordSteeringGroupDecision", ("{\"decisionId\":\"%s\",\"meetingDate\":\"%s\",\"caseNumber\":"
                    + "\"S%d/%d\",\"title\":\"Syntetisk vedtak %d\",\"text\":\"Vedtakstekst %d.\",\"points\":[%s]}")
                    .formatted(decisionId, meeting, d, meeting.getYear() % 100, d, d, points(d)));
            d++;
        }
        for (int m = 1; m <= MUNICIPALITIES; m++) {
            register("%04d".formatted(7000 + m), true, "Synteby " + m);
        }
        for (int o = 1; o <= ORGANISATIONS; o++) {
            register("%09d".formatted(910000000 + o), false, "Syntetisk organisasjon " + o);
        }
        for (int i = 1; i <= INITIATIVES; i++) {
            String initiativeId = "syn-initiative-%02d".formatted(i);
            initiatives.add(new Initiative(initiativeId));
            send("ProposeInitiative", ("{\"initiativeId\":\"%s\",\"title\":\"Syntetisk satsing %d\",\"pillar\":\"%s\","
                    + "\"goals\":[%s]%s}").formatted(initiativeId, i, pick(PILLARS), goals(),
                    random.nextBoolean() ? ",\"proposedBy\":\"Strategigruppen\"" : ""));
        }
        while (commands < targetCommands) {
            step();
        }
    }

    private void register(String id, boolean municipality, String name) {
        String regionId = municipality || random.nextInt(3) > 0 ? pick(regions) : null;
        LocalDate registeredOn = random.nextInt(4) == 0 ? date(START, LocalDate.of(2020, 12, 31)) : START;
        participants.add(new Participant(id, municipality, regionId, registeredOn));
        String kind = municipality ? "MUNICIPALITY" : pick(KINDS);
        int population = municipality ? 400 + random.nextInt(60_000) : 0;
        send("RegisterParticipant", "{\"participantId\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",%s\"population\":%d,"
                .formatted(id, name, kind, regionId == null ? "" : "\"regionId\":\"" + regionId + "\",", population)
                + "\"effectiveDate\":\"%s\"}".formatted(registeredOn));
    }

    /** One command, chosen at random among those the current state accepts; a choice that does not apply is skipped. */
    private void step() {
        int choice = random.nextInt(100);
        Participant p = pick(participants);
        if (choice < 14) {
            joinOrWithdraw(p);
        } else if (choice < 17) {
            move(p);
        } else if (choice < 32) {
            if (!p.mergedAway) {
                LocalDate on = date(p.registeredOn, END);
                send("RecordMaturityAssessment", "{\"participantId\":\"%s\",\"assessedOn\":\"%s\",\"score\":%s%s}"
                        .formatted(p.id, on, BigDecimal.valueOf(10 + random.nextInt(41), 1),
                                random.nextBoolean() ? ",\"method\":\"DigiMat\"" : ""));
            }
        } else if (choice < 40) {
            String component = pick(COMPONENTS);
            if (!p.mergedAway && p.components.add(component)) {
                send("RecordNationalComponentAdoption", "{\"participantId\":\"%s\",\"component\":\"%s\","
                        .formatted(p.id, component) + "\"adoptedOn\":\"%s\"}".formatted(date(p.registeredOn, END)));
            }
        } else if (choice < 46) {
            competence(p);
        } else if (choice < 66) {
            initiative(p);
        } else if (choice < 80) {
            funding(p);
        } else if (choice < 85) {
            region(p);
        } else if (choice < 87) {
            String decisionId = pick(decisions);
            send("CorrectSteeringGroupDecision", ("{\"decisionId\":\"%s\",\"text\":\"Rettet vedtakstekst, %s.\","
                    + "\"points\":[%s],\"reason\":\"Retting nr. %d\"}").formatted(decisionId, decisionId,
                    points(1 + random.nextInt(4)), commands));
        } else if (choice < 88) {
            merge();
        } else {
            if (!p.mergedAway) {
                LocalDate on = date(p.registeredOn, END);
                send("RecordMaturityAssessment", "{\"participantId\":\"%s\",\"assessedOn\":\"%s\",\"score\":%s}"
                        .formatted(p.id, on, BigDecimal.valueOf(100 + random.nextInt(401), 2)));
            }
        }
    }

    private void joinOrWithdraw(Participant p) {
        if (p.mergedAway || !p.lastChange.isBefore(END.minusDays(30))) {
            return;
        }
        LocalDate on = p.lastChange.plusDays(1 + random.nextInt(400));
        if (on.isAfter(END)) {
            return;
        }
        if (!p.member) {
            send("JoinCollaboration", "{\"participantId\":\"%s\",\"effectiveDate\":\"%s\",\"authority\":%s}"
                    .formatted(p.id, on, p.municipality || random.nextBoolean() ? council(p, on) : decisionAuthority()));
            p.member = true;
        } else {
            send("WithdrawFromCollaboration", "{\"participantId\":\"%s\",\"effectiveDate\":\"%s\",\"authority\":%s%s}"
                    .formatted(p.id, on, council(p, on), random.nextBoolean() ? ",\"reason\":\"Prioriteringer\"" : ""));
            p.member = false;
        }
        p.lastChange = on;
    }

    private void move(Participant p) {
        if (p.mergedAway || p.regionId == null) {
            return;
        }
        LocalDate on = p.lastChange.plusDays(random.nextInt(300));
        String to = pick(regions);
        if (on.isAfter(END) || to.equals(p.regionId)) {
            return;
        }
        send("MoveParticipantToRegion", "{\"participantId\":\"%s\",\"regionId\":\"%s\",\"effectiveDate\":\"%s\","
                .formatted(p.id, to, on) + "\"authority\":%s}".formatted(council(p, on)));
        p.regionId = to;
        p.lastChange = on;
    }

    private void competence(Participant p) {
        String cohort = pick(COHORTS);
        Integer enrolled = p.enrolled.get(cohort);
        if (enrolled == null && p.activeMember()) {
            int leaders = 1 + random.nextInt(30);
            send("EnrolInCompetenceProgramme", "{\"participantId\":\"%s\",\"cohort\":\"%s\",\"leaders\":%d}"
                    .formatted(p.id, cohort, leaders));
            p.enrolled.put(cohort, leaders);
        } else if (enrolled != null && !p.mergedAway && p.completed.add(cohort)) {
            send("CompleteCompetenceProgramme", "{\"participantId\":\"%s\",\"cohort\":\"%s\",\"leadersCompleted\":%d}"
                    .formatted(p.id, cohort, random.nextInt(enrolled + 1)));
        }
    }

    private void initiative(Participant p) {
        Initiative initiative = pick(initiatives);
        int choice = random.nextInt(100);
        boolean open = initiative.status.equals("PROPOSED") || initiative.status.equals("APPROVED");
        if (initiative.status.equals("PROPOSED") && choice < 30) {
            send("ApproveInitiative", "{\"initiativeId\":\"%s\",\"decisionId\":\"%s\",\"budgetNok\":\"%s\"}"
                    .formatted(initiative.id, pick(decisions), money(50_000, 5_000_000)));
            initiative.status = "APPROVED";
        } else if (choice < 60) {
            if (open && p.activeMember() && initiative.participants.add(p.id)) {
                send("JoinInitiative", "{\"initiativeId\":\"%s\",\"participantId\":\"%s\",\"effectiveDate\":\"%s\"}"
                        .formatted(initiative.id, p.id, date(LocalDate.of(2018, 3, 1), END)));
            }
        } else if (choice < 72) {
            if (!initiative.participants.isEmpty()) {
                String leaving = new ArrayList<>(initiative.participants).get(random.nextInt(
                        initiative.participants.size()));
                initiative.participants.remove(leaving);
                send("LeaveInitiative", "{\"initiativeId\":\"%s\",\"participantId\":\"%s\",\"effectiveDate\":\"%s\"}"
                        .formatted(initiative.id, leaving, date(LocalDate.of(2018, 6, 1), END)));
            }
        } else if (choice < 94) {
            if (initiative.status.equals("APPROVED") && initiative.progress < 100) {
                int progress = Math.min(100, initiative.progress + random.nextInt(16));
                initiative.progress = progress;
                send("RecordInitiativeMilestone", ("{\"initiativeId\":\"%s\",\"milestone\":\"Milepæl %d%%\","
                        + "\"reachedOn\":\"%s\",\"progressPercent\":%d}").formatted(initiative.id, progress,
                        date(LocalDate.of(2018, 6, 1), END), progress));
            }
        } else if (choice < 97) {
            if (initiative.status.equals("APPROVED") && initiative.progress >= 50) {
                send("CompleteInitiative", "{\"initiativeId\":\"%s\",\"effectiveDate\":\"%s\",\"decisionId\":\"%s\"}"
                        .formatted(initiative.id, date(LocalDate.of(2020, 1, 1), END), pick(decisions)));
                initiative.status = "COMPLETED";
            }
        } else if (open) {
            send("CancelInitiative", "{\"initiativeId\":\"%s\",\"decisionId\":\"%s\",\"reason\":\"Syntetisk stans\"}"
                    .formatted(initiative.id, pick(decisions)));
            initiative.status = "CANCELLED";
        }
    }

    private void funding(Participant p) {
        int yearNumber = 2021 + random.nextInt(5);
        Year year = years.computeIfAbsent(yearNumber, y -> new Year());
        int choice = random.nextInt(100);
        if (year.budget == null || choice < 10) {
            String decisionId = pick(decisions);
            BigDecimal amount = new BigDecimal(money(1_000_000, 4_000_000));
            if (year.decisions.contains(decisionId) || amount.compareTo(year.allocated) < 0) {
                return;
            }
            send("SetSecretariatBudget", "{\"year\":%d,\"requiredFte\":%s,\"amountNok\":\"%s\",\"decisionId\":\"%s\"}"
                    .formatted(yearNumber, BigDecimal.valueOf(10 + random.nextInt(21), 1), amount.toPlainString(),
                            decisionId));
            year.decisions.add(decisionId);
            year.budget = amount;
        } else if (choice < 55) {
            BigDecimal amount = new BigDecimal(money(10_000, 600_000));
            if (year.allocated.add(amount).compareTo(year.budget) > 0) {
                return;
            }
            send("AllocateSecretariatFunding", "{\"year\":%d,\"source\":\"%s\",\"amountNok\":\"%s\",\"decisionId\":\"%s\"}"
                    .formatted(yearNumber, pick(SOURCES), amount.toPlainString(), pick(decisions)));
            year.allocated = year.allocated.add(amount);
        } else if (p.activeMember()) {
            LocalDate on = date(LocalDate.of(yearNumber - 1, 1, 1), LocalDate.of(yearNumber, 12, 31));
            send("PledgeSecretariatFunding", "{\"year\":%d,\"participantId\":\"%s\",\"amountNok\":\"%s\",\"authority\":%s}"
                    .formatted(yearNumber, p.id, money(1_000, 200_000),
                            p.municipality ? council(p, on) : decisionAuthority()));
        }
    }

    private void region(Participant p) {
        String regionId = pick(regions);
        if (!eFagraad.contains(regionId) && random.nextBoolean()) {
            eFagraad.add(regionId);
            send("EstablishEFagraad", "{\"regionId\":\"%s\",\"effectiveDate\":\"%s\",\"authority\":%s}"
                    .formatted(regionId, date(START, END), decisionAuthority()));
        } else if (p.activeMember()) {
            send("AppointStrategyGroupRepresentative", ("{\"regionId\":\"%s\",\"participantId\":\"%s\","
                    + "\"effectiveDate\":\"%s\",\"authority\":%s}").formatted(regionId, p.id,
                    date(LocalDate.of(2018, 6, 1), END), random.nextBoolean() ? decisionAuthority()
                            : "{\"body\":\"Regionrådet\",\"caseNumber\":\"RR %d\",\"date\":\"2018-05-30\"}"
                            .formatted(commands)));
        }
    }

    /** Two or three municipalities of one region merge into a new one, or into one of them. */
    private void merge() {
        String regionId = pick(regions);
        List<Participant> candidates = participants.stream()
                .filter(p -> p.municipality && !p.mergedAway && regionId.equals(p.regionId)).toList();
        if (candidates.size() < 4) {
            return;
        }
        List<Participant> predecessors = new ArrayList<>();
        while (predecessors.size() < 2 + random.nextInt(2)) {
            Participant p = candidates.get(random.nextInt(candidates.size()));
            if (!predecessors.contains(p)) {
                predecessors.add(p);
            }
        }
        LocalDate after = predecessors.stream().map(p -> p.lastChange).max(LocalDate::compareTo).orElseThrow();
        LocalDate on = after.plusDays(1 + random.nextInt(200));
        if (on.isAfter(END)) {
            return;
        }
        boolean continuing = random.nextBoolean();
        String successorId = continuing ? predecessors.get(0).id : Integer.toString(nextSuccessor++);
        List<String> ids = predecessors.stream().map(p -> "\"" + p.id + "\"").toList();
        send("MergeParticipants", ("{\"successorId\":\"%s\",\"successorName\":\"Samleby %s\",\"predecessorIds\":[%s],"
                + "\"regionId\":\"%s\",\"population\":%d,\"effectiveDate\":\"%s\",\"authority\":{\"body\":"
                + "\"Stortinget\",\"caseNumber\":\"Syntetisk %s\",\"date\":\"%s\"}}").formatted(successorId, successorId,
                String.join(",", ids), regionId, 1000 + random.nextInt(80_000), on, successorId, on.minusDays(200)));
        boolean carries = predecessors.stream().anyMatch(p -> p.member);
        for (Participant p : predecessors) {
            if (p.id.equals(successorId)) {
                p.lastChange = on;
                p.member = p.member || carries;
            } else {
                p.mergedAway = true;
            }
        }
        if (!continuing) {
            Participant successor = new Participant(successorId, true, regionId, on);
            successor.member = carries;
            participants.add(successor);
        }
    }

    private String council(Participant p, LocalDate on) {
        return "{\"body\":\"Kommunestyret i %s\",\"caseNumber\":\"%d/%d\",\"date\":\"%s\"}"
                .formatted(p.id, on.getYear() % 100, 1 + random.nextInt(120), on.minusDays(random.nextInt(30)));
    }

    private String decisionAuthority() {
        return "{\"decisionId\":\"%s\"}".formatted(pick(decisions));
    }

    private String points(int count) {
        List<String> points = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            points.add("\"Punkt %d, med komma\"".formatted(i));
        }
        return String.join(",", points);
    }

    private String goals() {
        Set<Integer> goals = new TreeSet<>();
        int count = 1 + random.nextInt(3);
        while (goals.size() < count) {
            goals.add(1 + random.nextInt(5));
        }
        return String.join(",", goals.stream().map(String::valueOf).toList());
    }

    private String money(int min, int max) {
        long kroner = min + random.nextInt(max - min);
        return random.nextInt(3) == 0 ? "%d.%02d".formatted(kroner, random.nextInt(100)) : kroner + ".00";
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private void send(String name, String body) {
        ledger.send(name, body);
        commands++;
    }
}
