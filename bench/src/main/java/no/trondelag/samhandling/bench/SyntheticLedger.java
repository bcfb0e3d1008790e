package no.trondelag.samhandling.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.funding.PledgeSecretariatFunding;
import no.trondelag.samhandling.api.funding.SetSecretariatBudget;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.JoinInitiative;
import no.trondelag.samhandling.api.initiative.LeaveInitiative;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.RegisterParticipant;

/**
 * A synthetic ledger of a chosen size, written through the real commands in-process: the seeded municipalities and
 * regions, hundreds of further organisations that register and join, steering-group decisions over the years,
 * initiatives proposed and approved, budgets, then a stream of maturity assessments, initiative joins and leaves
 * and funding pledges dated 2018 to 2025 from four threads. One participant (the "hot" one) gets a long history of
 * its own, for the snapshot figure. Deterministic for a given size (a fixed seed), apart from thread interleaving.
 */
public final class SyntheticLedger {

    /** The first year of the synthetic ledger. */
    public static final int FIRST_YEAR = 2018;
    /** The last year of the synthetic ledger. */
    public static final int LAST_YEAR = 2025;
    /** The participant whose history grows long. */
    public static final String HOT_PARTICIPANT = "5001";

    private final long size;
    private final int hotEvents;
    private final List<String> municipalities = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private final List<String> organisations = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private final List<String> initiatives = new ArrayList<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    /**
     * A ledger of about {@code size} events.
     *
     * @param size the number of events to reach
     * @param hotEvents how many events the hot participant gets
     * @throws IOException when the reference data cannot be read
     */
    public SyntheticLedger(long size, int hotEvents) throws IOException {
        this.size = size;
        this.hotEvents = hotEvents;
        for (String[] row : csv("reference-data/trondelag-municipalities-2018.csv")) {
            // the seed merges some municipalities in 2020; only those that live on take new commands
            if (row.length < 7 || row[6].isBlank() || row[6].equals(row[0])) {
                municipalities.add(row[0]);
            }
        }
        for (String[] row : csv("reference-data/trondelag-regions-2018.csv")) {
            regions.add(row[0]);
        }
    }

    /**
     * The participants commands may name: municipalities and the registered organisations.
     *
     * @return their ids
     */
    public List<String> participants() {
        List<String> all = new ArrayList<>(municipalities);
        all.addAll(organisations);
        all.remove(HOT_PARTICIPANT);
        return all;
    }

    /**
     * How many commands the ledger refused while generating (for instance a leave before a join); they append
     * nothing.
     *
     * @return the count
     */
    public long rejected() {
        return rejected.get();
    }

    /**
     * Writes the ledger until the store holds {@code size} events.
     *
     * @param node the ledger
     * @return the events written per second
     * @throws Exception when generation fails
     */
    public double generate(LedgerNode node) throws Exception {
        long start = System.nanoTime();
        long before = node.events();
        Random random = new Random(42);
        int organisationCount = (int) Math.max(20, Math.min(400, size / 200));
        int decisionCount = (int) Math.max(10, Math.min(300, size / 500));
        int initiativeCount = (int) Math.max(5, Math.min(150, size / 1000));
        for (int d = 0; d < decisionCount; d++) {
            LocalDate meeting = LocalDate.of(FIRST_YEAR, 1, 15).plusDays(random.nextInt(365 * 7));
            String id = "sg-%s-%02d".formatted(meeting, d % 100);
            if (send(node, new RecordSteeringGroupDecision(id, meeting, "bench/" + d, "Vedtak " + d,
                    "Styringsgruppen vedtar sak " + d, List.of("Punkt 1", "Punkt 2")))) {
                decisions.add(id);
            }
        }
        for (int o = 0; o < organisationCount; o++) {
            String id = String.valueOf(900_000_000 + o);
            LocalDate registered = LocalDate.of(FIRST_YEAR, 1, 1).plusDays(random.nextInt(150));
            ParticipantKind kind = o % 3 == 0 ? ParticipantKind.STATE_AGENCY : ParticipantKind.OTHER;
            if (send(node, new RegisterParticipant(id, "Organisasjon " + o, kind,
                    regions.get(o % regions.size()), 0, registered))) {
                organisations.add(id);
                send(node, new JoinCollaboration(id, registered.plusDays(30), decision(random)));
            }
        }
        for (String municipality : municipalities) {
            send(node, new JoinCollaboration(municipality, LocalDate.of(FIRST_YEAR, 6, 1),
                    Authority.external("Kommunestyret", "sak " + municipality, LocalDate.of(FIRST_YEAR, 5, 1))));
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            send(node, new SetSecretariatBudget(year, new BigDecimal("2.0"), new BigDecimal("2400000"),
                    decisions.get(random.nextInt(decisions.size()))));
        }
        for (int i = 0; i < initiativeCount; i++) {
            String id = "bench-initiativ-" + i;
            Pillar pillar = Pillar.values()[i % Pillar.values().length];
            if (send(node, new ProposeInitiative(id, "Initiativ " + i, "Syntetisk initiativ", pillar,
                    List.of(1 + i % 4), "Rådmannsutvalget"))) {
                initiatives.add(id);
                send(node, new ApproveInitiative(id, decisions.get(random.nextInt(decisions.size())),
                        new BigDecimal(100_000 + random.nextInt(2_000_000))));
            }
        }
        List<String> participants = participants();
        long target = size - node.events();
        AtomicLong remaining = new AtomicLong(target);
        AtomicLong hotRemaining = new AtomicLong(Math.min(hotEvents, Math.max(0, target / 2)));
        LedgerNode.parallel(4, thread -> {
            Random local = new Random(1000 + thread);
            boolean[] joined = new boolean[initiatives.size() * participants.size()];
            while (remaining.get() > 0) {
                if (rejected.get() > 1000 + 5 * accepted.get()) {
                    throw new IllegalStateException("The ledger refuses most synthetic commands");
                }
                LedgerCommand command;
                if (thread == 0 && hotRemaining.getAndDecrement() > 0) {
                    command = assessment(HOT_PARTICIPANT, local);
                } else {
                    command = next(local, participants, thread, joined);
                }
                if (send(node, command)) {
                    remaining.decrementAndGet();
                }
            }
        });
        return (node.events() - before) / ((System.nanoTime() - start) / 1e9);
    }

    private LedgerCommand next(Random random, List<String> participants, int thread, boolean[] joined) {
        int pick = random.nextInt(100);
        // each thread owns every fourth participant, so that threads rarely race for one aggregate
        int index = thread + 4 * random.nextInt(Math.max(1, participants.size() / 4));
        String participant = participants.get(Math.min(index, participants.size() - 1));
        if (pick < 70) {
            return assessment(participant, random);
        }
        int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
        if (pick < 85) {
            int initiative = random.nextInt(initiatives.size());
            int slot = initiative * participants.size() + participants.indexOf(participant);
            LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            joined[slot] = !joined[slot];
            return joined[slot] ? new JoinInitiative(initiatives.get(initiative), participant, date)
                    : new LeaveInitiative(initiatives.get(initiative), participant, date);
        }
        Authority authority = participant.length() == 4
                ? Authority.external("Kommunestyret", "sak " + year, LocalDate.of(year - 1, 11, 1))
                : decision(random);
        return new PledgeSecretariatFunding(year, participant, new BigDecimal(10_000 + random.nextInt(90_000)),
                authority);
    }

    private static RecordMaturityAssessment assessment(String participant, Random random) {
        LocalDate date = LocalDate.of(FIRST_YEAR + 1 + random.nextInt(LAST_YEAR - FIRST_YEAR), 1, 1)
                .plusDays(random.nextInt(360));
        BigDecimal score = BigDecimal.valueOf(10 + random.nextInt(41), 1);
        return new RecordMaturityAssessment(participant, date, score, "KS modenhetsmåling");
    }

    private Authority decision(Random random) {
        return Authority.ofDecision(decisions.get(random.nextInt(decisions.size())));
    }

    private boolean send(LedgerNode node, LedgerCommand command) {
        boolean ok = node.send(command);
        (ok ? accepted : rejected).incrementAndGet();
        return ok;
    }

    private static List<String[]> csv(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SyntheticLedger.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath; is app/target/classes on it?");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }
}
