package no.trondelag.samhandling.api.funding;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One year of secretariat funding.
 *
 * @param year                the budget year
 * @param budgetNok           the budget, or {@code null} when none is set
 * @param requiredFte         the staffing the budget pays for, or {@code null}
 * @param belowMinimumFte     whether the budget pays for fewer than the strategy's 2 FTE
 * @param budgetDecisionId    the decision that set the budget in force
 * @param allocatedBySource   allocations summed per funding source
 * @param allocatedNok        all allocations
 * @param pledgedNok          all members' pledges
 * @param gapNok              budget minus allocations (never below zero); {@code null} without a budget
 * @param gapAfterPledgesNok  the gap less what members pledged (never below zero); {@code null} without a budget
 * @param pledgedByRegion     pledges summed per pledging member's region on the date read
 */
public record FundingYear(int year, BigDecimal budgetNok, BigDecimal requiredFte, boolean belowMinimumFte,
                          String budgetDecisionId, Map<FundingSource, BigDecimal> allocatedBySource,
                          BigDecimal allocatedNok, BigDecimal pledgedNok, BigDecimal gapNok,
                          BigDecimal gapAfterPledgesNok, Map<String, BigDecimal> pledgedByRegion) {
}
