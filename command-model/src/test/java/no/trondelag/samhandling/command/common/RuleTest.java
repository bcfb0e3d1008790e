package no.trondelag.samhandling.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleTest {

    /** Callers branch on these codes, so changing one is a contract change. */
    private static final Map<Rule, String> STABLE_CODES = stableCodes();

    @Test
    void everyRuleKeepsItsStableCode() {
        Map<Rule, String> actual = Arrays.stream(Rule.values())
                .collect(Collectors.toMap(rule -> rule, Rule::code, (a, b) -> a, LinkedHashMap::new));

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(STABLE_CODES);
    }

    @Test
    void ruleCodesAreUniqueKebabCaseAndEveryRuleSaysWhatItDemands() {
        assertThat(Arrays.stream(Rule.values()).map(Rule::code).distinct()).hasSize(Rule.values().length);
        assertThat(Rule.values()).allSatisfy(rule -> {
            assertThat(rule.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.demand()).isNotBlank();
        });
    }

    private static Map<Rule, String> stableCodes() {
        Map<Rule, String> codes = new LinkedHashMap<>();
        codes.put(Rule.REGION_ALREADY_REGISTERED, "region-already-registered");
        codes.put(Rule.REGION_NOT_REGISTERED, "region-not-registered");
        codes.put(Rule.REGION_UNCHANGED, "region-unchanged");
        codes.put(Rule.EFAGRAAD_ALREADY_ESTABLISHED, "efagraad-already-established");
        codes.put(Rule.PARTICIPANT_ALREADY_REGISTERED, "participant-already-registered");
        codes.put(Rule.PARTICIPANT_NOT_REGISTERED, "participant-not-registered");
        codes.put(Rule.PARTICIPANT_MERGED_AWAY, "participant-merged-away");
        codes.put(Rule.ALREADY_MEMBER, "already-member");
        codes.put(Rule.NOT_MEMBER, "not-member");
        codes.put(Rule.MUNICIPALITY_JOINS_BY_COUNCIL_DECISION, "municipality-joins-by-council-decision");
        codes.put(Rule.BEFORE_REGISTRATION, "effective-before-registration");
        codes.put(Rule.BEFORE_LAST_CHANGE, "effective-before-last-change");
        codes.put(Rule.DECISION_NOT_RECORDED, "decision-not-recorded");
        codes.put(Rule.DECISION_ALREADY_RECORDED, "decision-already-recorded");
        codes.put(Rule.MEETING_DATE_IN_FUTURE, "meeting-date-in-future");
        codes.put(Rule.PREDECESSOR_NOT_REGISTERED, "predecessor-not-registered");
        codes.put(Rule.SUCCESSOR_ALREADY_REGISTERED, "successor-already-registered");
        codes.put(Rule.PREDECESSOR_ALREADY_MERGED, "predecessor-already-merged");
        codes.put(Rule.INITIATIVE_ALREADY_PROPOSED, "initiative-already-proposed");
        codes.put(Rule.INITIATIVE_NOT_PROPOSED, "initiative-not-awaiting-approval");
        codes.put(Rule.INITIATIVE_NOT_APPROVED, "initiative-not-approved");
        codes.put(Rule.INITIATIVE_CLOSED, "initiative-closed");
        codes.put(Rule.INITIATIVE_COMPLETED, "initiative-completed");
        codes.put(Rule.INITIATIVE_ALREADY_CANCELLED, "initiative-already-cancelled");
        codes.put(Rule.ALREADY_IN_INITIATIVE, "already-in-initiative");
        codes.put(Rule.NOT_IN_INITIATIVE, "not-in-initiative");
        codes.put(Rule.PROGRESS_DECREASED, "progress-decreased");
        codes.put(Rule.BUDGET_NOT_SET, "budget-not-set");
        codes.put(Rule.BUDGET_REVISION_NEEDS_NEW_DECISION, "budget-revision-needs-new-decision");
        codes.put(Rule.ALLOCATIONS_EXCEED_BUDGET, "allocations-exceed-budget");
        codes.put(Rule.COMPONENT_ALREADY_ADOPTED, "component-already-adopted");
        codes.put(Rule.ALREADY_ENROLLED, "already-enrolled");
        codes.put(Rule.NOT_ENROLLED, "not-enrolled");
        codes.put(Rule.COHORT_ALREADY_COMPLETED, "cohort-already-completed");
        codes.put(Rule.MORE_COMPLETED_THAN_ENROLLED, "more-completed-than-enrolled");
        return codes;
    }
}
