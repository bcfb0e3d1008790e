package no.trondelag.samhandling.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;

/**
 * Tells each kind of ledger event in bokmål, with links to the municipalities and decisions it names, and its
 * authority (hjemmel): a link to a steering-group decision, or the external body, case number and date.
 */
final class EventDescriptions {

    private static final NorskFormat FMT = NorskFormat.INSTANCE;

    private final LedgerNames names;
    private final DashboardLinks links;

    EventDescriptions(LedgerNames names, DashboardLinks links) {
        this.names = names;
        this.links = links;
    }

    /**
     * An event as a reader sees it.
     *
     * @param entry         the event with its times and authority
     * @param timelineOwner  the participant whose timeline it is shown in, or {@code null}
     * @return the item
     */
    TimelineItem describe(HistoryEntry entry, String timelineOwner) {
        Sentence sentence = new Sentence(timelineOwner);
        String label = describe(entry.event(), entry.type(), sentence);
        String concerns = null;
        String subject = sentence.subject;
        if (timelineOwner != null && subject != null && !subject.equals(timelineOwner)) {
            concerns = names.participant(subject);
        }
        return new TimelineItem(entry.position(), entry.effectiveOn(), entry.recordedAt(), label, sentence.parts,
                authority(entry.authority()), concerns);
    }

    /**
     * An authority as text, linking a steering-group decision to its page.
     *
     * @param authority the authority, or {@code null}
     * @return the parts, empty when there is none
     */
    private List<TextPart> authority(Authority authority) {
        if (authority == null) {
            return List.of();
        }
        if (authority.citesSteeringGroupDecision()) {
            DecisionView decision = names.decision(authority.decisionId());
            if (decision == null) {
                return List.of(TextPart.text("Vedtak " + authority.decisionId() + " i styringsgruppen"));
            }
            String title = "Styringsgruppens vedtak " + FMT.date(decision.meetingDate())
                    + (decision.caseNumber() == null ? "" : ", sak " + decision.caseNumber());
            return List.of(TextPart.link(title, links.decision(decision.decisionId())),
                    TextPart.text(": " + decision.title()));
        }
        return List.of(TextPart.text(authority.body() + ", sak " + authority.caseNumber() + ", "
                + FMT.date(authority.date())));
    }

    private String describe(LedgerEvent event, String type, Sentence s) {
        if (event instanceof RegionRegistered e) {
            s.text("Regionen " + e.name() + " ble registrert.");
            return "Region registrert";
        }
        if (event instanceof ParticipantRegistered e) {
            s.participant(e.participantId(), e.name()).text(" ble registrert som " + FMT.kind(e.kind()).toLowerCase(
                    NorskFormat.BOKMAAL));
            if (e.regionId() != null) {
                s.text(" i ").region(e.regionId());
            }
            if (e.population() != null) {
                s.text(", " + FMT.number(e.population()) + " innbyggere");
            }
            s.text(".");
            return "Registrert";
        }
        if (event instanceof CollaborationJoined e) {
            s.participant(e.participantId()).text(" sluttet seg til samarbeidet.");
            return "Sluttet seg til samarbeidet";
        }
        if (event instanceof CollaborationWithdrawn e) {
            s.participant(e.participantId()).text(" trakk seg fra samarbeidet");
            s.text(e.reason() == null ? "." : ": " + e.reason());
            return "Trakk seg fra samarbeidet";
        }
        if (event instanceof ParticipantMovedToRegion e) {
            s.participant(e.participantId()).text(" flyttet fra ").region(e.fromRegionId()).text(" til ")
                    .region(e.regionId()).text(".");
            return "Byttet region";
        }
        if (event instanceof ParticipantMergedInto e) {
            s.about(e.participantId());
            List<String> predecessors = e.predecessorIds();
            for (int i = 0; i < predecessors.size(); i++) {
                s.text(i == 0 ? "" : i == predecessors.size() - 1 ? " og " : ", ").participant(predecessors.get(i));
            }
            s.text(" ble slått sammen til ").participant(e.successorId(), e.successorName());
            if (e.population() != null) {
                s.text(" med " + FMT.number(e.population()) + " innbyggere");
            }
            if (e.regionId() != null) {
                s.text(" i ").region(e.regionId());
            }
            s.text(".");
            return "Kommunesammenslåing";
        }
        if (event instanceof SteeringGroupDecisionRecorded e) {
            s.text("Styringsgruppen vedtok ").decision(e.decisionId(), e.title()).text(".");
            return "Vedtak registrert";
        }
        if (event instanceof SteeringGroupDecisionCorrected e) {
            s.text("Vedtaket ").decision(e.decisionId(), names.decision(e.decisionId()) == null ? e.decisionId()
                    : names.decision(e.decisionId()).title()).text(" ble rettet: " + e.reason());
            return "Vedtak rettet";
        }
        if (event instanceof EFagraadEstablished e) {
            s.region(e.regionId()).text(" etablerte sitt eFagråd.");
            return "eFagråd etablert";
        }
        if (event instanceof StrategyGroupRepresentativeAppointed e) {
            s.participant(e.participantId()).text(" ble representant for ").region(e.regionId())
                    .text(" i strategigruppen.");
            return "Representant i strategigruppen";
        }
        if (event instanceof InitiativeProposed e) {
            s.text("Felles satsing «" + e.title() + "» ble foreslått (" + FMT.pillar(e.pillar()).toLowerCase(
                    NorskFormat.BOKMAAL) + ", mål " + joinGoals(e.goals()) + ").");
            return "Felles satsing foreslått";
        }
        if (event instanceof InitiativeApproved e) {
            s.text("Felles satsing «" + names.initiative(e.initiativeId()) + "» ble godkjent.");
            return "Felles satsing godkjent";
        }
        if (event instanceof InitiativeCancelled e) {
            s.text("Felles satsing «" + names.initiative(e.initiativeId()) + "» ble avlyst: " + e.reason());
            return "Felles satsing avlyst";
        }
        if (event instanceof InitiativeCompleted e) {
            s.text("Felles satsing «" + names.initiative(e.initiativeId()) + "» ble fullført.");
            return "Felles satsing fullført";
        }
        if (event instanceof InitiativeJoined e) {
            s.participant(e.participantId()).text(" ble med i «" + names.initiative(e.initiativeId()) + "».");
            return "Med i felles satsing";
        }
        if (event instanceof InitiativeLeft e) {
            s.participant(e.participantId()).text(" gikk ut av «" + names.initiative(e.initiativeId()) + "».");
            return "Ute av felles satsing";
        }
        if (event instanceof InitiativeMilestoneReached e) {
            s.text("«" + names.initiative(e.initiativeId()) + "» nådde milepælen «" + e.milestone() + "» ("
                    + e.progressPercent() + "\u00a0% fullført).");
            return "Milepæl nådd";
        }
        if (event instanceof SecretariatBudgetSet e) {
            s.text("Sekretariatets budsjett for " + e.year() + " ble satt til " + FMT.nok(e.amountNok()) + " ("
                    + FMT.decimal(e.requiredFte(), 1, 2) + " årsverk).");
            return "Budsjett satt";
        }
        if (event instanceof SecretariatFundingAllocated e) {
            s.text(FMT.nok(e.amountNok()) + " ble tildelt sekretariatet for " + e.year() + " fra "
                    + FMT.sourceInSentence(e.source()) + ".");
            return "Midler tildelt";
        }
        if (event instanceof SecretariatFundingPledged e) {
            s.participant(e.participantId()).text(" lovet " + FMT.nok(e.amountNok()) + " til sekretariatet for "
                    + e.year() + ".");
            return "Midler lovet";
        }
        if (event instanceof DigitalMaturityAssessed e) {
            s.participant(e.participantId()).text(" fikk digital modenhet " + FMT.decimal(e.score(), 1, 2)
                    + " av 5" + (e.method() == null ? "" : " (" + e.method() + ")") + ".");
            return "Digital modenhet målt";
        }
        if (event instanceof NationalComponentAdopted e) {
            s.participant(e.participantId()).text(" tok i bruk den nasjonale fellesløsningen " + e.component()
                    + ".");
            return "Nasjonal fellesløsning tatt i bruk";
        }
        if (event instanceof CompetenceProgrammeEnrolled e) {
            s.participant(e.participantId()).text(" meldte på " + e.leaders() + " ledere til kompetanseprogrammet ("
                    + e.cohort() + ").");
            return "Påmeldt kompetanseprogram";
        }
        if (event instanceof CompetenceProgrammeCompleted e) {
            s.participant(e.participantId()).text(": " + e.leadersCompleted() + " ledere fullførte "
                    + "kompetanseprogrammet (" + e.cohort() + ").");
            return "Kompetanseprogram fullført";
        }
        s.text("Hendelse av typen " + type + ".");
        return type;
    }

    private static String joinGoals(List<Integer> goals) {
        List<String> parts = new ArrayList<>();
        goals.forEach(goal -> parts.add(String.valueOf(goal)));
        return String.join(", ", parts);
    }

    /**
     * A sentence built from text and links; the first participant it names is the one it is about. The participant
     * whose timeline it stands in is named without a link to the page the reader is on.
     */
    private final class Sentence {

        private final List<TextPart> parts = new ArrayList<>();
        private final String owner;
        private String subject;

        Sentence(String owner) {
            this.owner = owner;
        }

        Sentence text(String text) {
            if (!text.isEmpty()) {
                parts.add(TextPart.text(text));
            }
            return this;
        }

        Sentence about(String participantId) {
            subject = participantId;
            return this;
        }

        Sentence participant(String participantId) {
            return participant(participantId, names.participant(participantId));
        }

        Sentence participant(String participantId, String name) {
            if (subject == null) {
                subject = participantId;
            }
            parts.add(participantId.equals(owner) ? TextPart.text(name)
                    : TextPart.link(name, links.participant(participantId)));
            return this;
        }

        Sentence region(String regionId) {
            parts.add(TextPart.link(names.region(regionId), links.participantsIn(regionId)));
            return this;
        }

        Sentence decision(String decisionId, String title) {
            parts.add(TextPart.link(title, links.decision(decisionId)));
            return this;
        }
    }
}
