package no.trondelag.samhandling.app.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;

/**
 * One realistic instance of every event of the contract, for the approval tests of their serialized form.
 */
final class EventSamples {

    static final Authority COUNCIL = Authority.external("Indre Fosen kommunestyre", "18/1234",
            LocalDate.of(2018, 6, 14));
    static final Authority DECISION = Authority.ofDecision("sg-2018-05-02-07");
    static final LocalDate MERGE_DATE = LocalDate.of(2020, 1, 1);

    private EventSamples() {
    }

    static List<LedgerEvent> all() {
        return List.of(
                new RegionRegistered("fosen", "Fosen regionråd"),
                new EFagraadEstablished("fosen", LocalDate.of(2018, 9, 1), DECISION),
                new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2018, 9, 1), DECISION),
                new ParticipantRegistered("5054", "Indre Fosen", ParticipantKind.MUNICIPALITY, "fosen", 10090,
                        LocalDate.of(2018, 1, 1), null),
                new CollaborationJoined("5054", LocalDate.of(2018, 6, 14), COUNCIL),
                new CollaborationWithdrawn("5054", LocalDate.of(2021, 1, 1), COUNCIL, "Ny strategi"),
                new ParticipantMovedToRegion("5054", "fosen", "trondheimsregionen", LocalDate.of(2019, 1, 1),
                        COUNCIL),
                new ParticipantMergedInto("5030", "5001", "Trondheim", List.of("5001", "5030"),
                        "trondheimsregionen", 199595, MERGE_DATE,
                        Authority.external("Stortinget", "Innst. 386 S (2016-2017)", LocalDate.of(2017, 6, 8))),
                new SteeringGroupDecisionRecorded("sg-2018-05-02-07", LocalDate.of(2018, 5, 2), "18/7",
                        "Samhandlingsstrategi for digitalisering i Trøndelag", "Rådmannsutvalget vedtar",
                        List.of("Strategien vedtas", "Det etableres et sekretariat på minst 2 årsverk")),
                new SteeringGroupDecisionCorrected("sg-2018-05-02-07", "Rådmannsutvalget vedtar strategien",
                        List.of("Strategien vedtas"), "Skrivefeil i protokollen"),
                new InitiativeProposed("felles-sak-arkiv", "Felles sak- og arkivsystem", "Anskaffelse",
                        Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), "Rådmannsutvalget"),
                new InitiativeApproved("felles-sak-arkiv", "sg-2018-05-02-07",
                        Money.nok(new BigDecimal("1250000.00"))),
                new InitiativeJoined("felles-sak-arkiv", "5054", LocalDate.of(2018, 10, 1)),
                new InitiativeLeft("felles-sak-arkiv", "5054", LocalDate.of(2019, 4, 1)),
                new InitiativeMilestoneReached("felles-sak-arkiv", "Anskaffelse", LocalDate.of(2019, 3, 1), 40),
                new InitiativeCompleted("felles-sak-arkiv", LocalDate.of(2021, 12, 31), "sg-2021-12-01-03"),
                new InitiativeCancelled("felles-innbyggerportal", "sg-2019-02-01-02", "Nasjonal løsning"),
                new SecretariatBudgetSet(2019, new BigDecimal("2.0"), new BigDecimal("2400000.00"),
                        "sg-2018-11-07-04"),
                new SecretariatFundingPledged(2019, "5054", new BigDecimal("50000.50"), COUNCIL),
                new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT,
                        new BigDecimal("1000000"), "sg-2018-11-07-04"),
                new DigitalMaturityAssessed("5054", LocalDate.of(2019, 5, 1), new BigDecimal("3.4"),
                        "KS modenhetsmåling"),
                new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2019, 2, 1)),
                new CompetenceProgrammeEnrolled("5054", "2018-høst", 4),
                new CompetenceProgrammeCompleted("5054", "2018-høst", 3));
    }
}
