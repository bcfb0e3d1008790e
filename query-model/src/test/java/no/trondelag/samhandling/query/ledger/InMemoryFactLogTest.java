package no.trondelag.samhandling.query.ledger;

import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.KLAEBU;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test log answers every question as the application's {@link JdbcFactLog} does, so tests built on it hold for
 * the real log.
 */
class InMemoryFactLogTest {

    private final InMemoryFactLog inMemory = new InMemoryFactLog();
    private JdbcFactLog jdbc;

    @BeforeEach
    void logs() {
        jdbc = H2FactLogs.create();
    }

    /** Appends the same history to both logs, out of order and with a re-delivered position. */
    private void appendToBoth(FactLog... logs) {
        Facts history = new Facts();
        history.recordAll(TRONDHEIMSREGIONEN.registered(), FOSEN.registered(), TRONDHEIM.registered(),
                KLAEBU.registered(), INDRE_FOSEN.registered(),
                decision("sg-2018-05-02-07", LocalDate.of(2018, 5, 2), "Samhandlingsstrategi"),
                new SecretariatBudgetSet(2019, new BigDecimal("2.0"), new BigDecimal("2400000.00"),
                        "sg-2018-05-02-07"));
        long gap = history.skipPosition();
        history.recordAll(KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
        history.recordAll(Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595, TRONDHEIM, KLAEBU)
                .events(false));
        history.recordAtPosition(gap, INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)));
        for (FactLog log : logs) {
            history.all().forEach(log::append);
            log.append(history.all().get(4));
        }
    }

    private static List<LedgerFact> read(FactLog log, long afterPosition) {
        List<LedgerFact> facts = new ArrayList<>();
        log.forEach(afterPosition, facts::add);
        return facts;
    }

    @Test
    void bothLogsHoldTheSameFactsInTheSameOrder() {
        appendToBoth(inMemory, jdbc);

        assertThat(inMemory.watermark()).isEqualTo(jdbc.watermark()).isEqualTo(new FactLog.Watermark(0, 11, 10));
        assertThat(read(inMemory, -1)).isEqualTo(read(jdbc, -1)).extracting(LedgerFact::position)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(read(inMemory, 6)).isEqualTo(read(jdbc, 6)).hasSize(4);
        assertThat(inMemory.all()).isEqualTo(read(jdbc, -1));
    }

    @Test
    void bothLogsFindTheSameFactsConcerningParticipants() {
        appendToBoth(inMemory, jdbc);

        assertThat(inMemory.concerning(List.of("5001"))).isEqualTo(jdbc.concerning(List.of("5001"))).hasSize(3);
        assertThat(inMemory.concerning(List.of("5030", "5054"))).isEqualTo(jdbc.concerning(List.of("5030", "5054")))
                .hasSize(6);
        assertThat(inMemory.concerning(List.of(OSEN.id()))).isEqualTo(jdbc.concerning(List.of(OSEN.id())))
                .isEmpty();
    }

    @Test
    void bothLogsGiveAFactRecordedWithoutItsDecisionsMeetingDateThatDate() {
        SecretariatBudgetSet budget = new SecretariatBudgetSet(2020, new BigDecimal("2.0"),
                new BigDecimal("2500000.00"), "sg-2019-03-14-04");
        for (FactLog log : List.of(inMemory, jdbc)) {
            log.append(new LedgerFact(7, Instant.parse("2019-03-20T10:00:00Z"), null, "secretariat", budget));
            log.append(new LedgerFact(3, Instant.parse("2019-03-15T10:00:00Z"), LocalDate.of(2019, 3, 14),
                    "secretariat", decision("sg-2019-03-14-04", LocalDate.of(2019, 3, 14), "Budsjett 2020")));
        }

        assertThat(read(inMemory, -1)).isEqualTo(read(jdbc, -1)).extracting(LedgerFact::effectiveOn)
                .containsExactly(LocalDate.of(2019, 3, 14), LocalDate.of(2019, 3, 14));
    }

    @Test
    void bothLogsAreEmptyAfterClearing() {
        appendToBoth(inMemory, jdbc);

        inMemory.clear();
        jdbc.clear();

        assertThat(inMemory.watermark()).isEqualTo(jdbc.watermark()).isEqualTo(new FactLog.Watermark(1, 0, -1));
        assertThat(inMemory.concerning(List.of("5001"))).isEmpty();
    }
}
