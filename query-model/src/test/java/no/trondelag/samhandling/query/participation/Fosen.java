package no.trondelag.samhandling.query.participation;

import static no.trondelag.samhandling.query.ledger.Trondelag.AFJORD;
import static no.trondelag.samhandling.query.ledger.Trondelag.BJUGN;
import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.JANUARY_2018;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.ROAN;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;

/**
 * Participation in Fosen: six municipalities in 2018 (population 25 502 on 1 January 2018), four of them members
 * by the end of 2019 after Roan joined and withdrew; Ørland and Bjugn merged into the new Ørland (5057), Åfjord and
 * Roan into the new Åfjord (5058) on 1 January 2020.
 */
final class Fosen {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    static final String STRATEGY = "sg-2018-05-02-07";
    static final String FOSEN_IKT = "999000111";

    final RecordedEvent osenJoined;
    final RecordedEvent roanWithdrawn;
    final RecordedEvent firstMergeFact;

    /**
     * Records the history.
     *
     * @param facts where to record it
     */
    Fosen(Projections facts) {
        facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), ORLAND.registered(), BJUGN.registered(),
                AFJORD.registered(), ROAN.registered(), OSEN.registered(), INDRE_FOSEN.registered(),
                new ParticipantRegistered(FOSEN_IKT, "Fosen IKT", ParticipantKind.OTHER, "fosen", 0, JANUARY_2018,
                        null),
                COUNTY_AUTHORITY.registered(),
                decision(STRATEGY, LocalDate.of(2018, 5, 2), "Samhandlingsstrategi for digitalisering"),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                new CollaborationJoined(FOSEN_IKT, LocalDate.of(2018, 6, 20), Authority.ofDecision(STRATEGY)),
                COUNTY_AUTHORITY.joinedOnDecision(LocalDate.of(2018, 5, 2), STRATEGY),
                ORLAND.joinedByCouncil(LocalDate.of(2018, 9, 6)),
                BJUGN.joinedByCouncil(LocalDate.of(2018, 9, 13)));
        osenJoined = facts.record(OSEN.joinedByCouncil(LocalDate.of(2018, 10, 18)));
        facts.recordAll(ROAN.joinedByCouncil(LocalDate.of(2018, 11, 1)),
                new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1), Authority.ofDecision(STRATEGY)),
                new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1),
                        Authority.ofDecision(STRATEGY)));
        roanWithdrawn = facts.record(ROAN.withdrawnByCouncil(LocalDate.of(2019, 6, 30), "Venter på sammenslåing"));
        firstMergeFact = facts.recordAll(Merger.reform("5057", "Ørland", "fosen", 10215, ORLAND, BJUGN).events(true))
                .get(0);
        facts.recordAll(Merger.reform("5058", "Åfjord", "fosen", 4230, AFJORD, ROAN).events(false));
    }
}
