package no.trondelag.samhandling.command.common;

/**
 * Every rule of the ledger that a command can break. Each has a stable code, returned to callers as the
 * {@code rule} of a rejection, and a sentence saying what the rule demands.
 */
public enum Rule {
    REGION_ALREADY_REGISTERED("region-already-registered", "a region id is registered once"),
    REGION_NOT_REGISTERED("region-not-registered", "the region must be registered"),
    REGION_UNCHANGED("region-unchanged", "a move needs a region other than the current one"),
    EFAGRAAD_ALREADY_ESTABLISHED("efagraad-already-established", "a region establishes its eFagråd once"),
    PARTICIPANT_ALREADY_REGISTERED("participant-already-registered", "a participant id is registered once"),
    PARTICIPANT_NOT_REGISTERED("participant-not-registered", "the participant must be registered"),
    PARTICIPANT_MERGED_AWAY("participant-merged-away",
            "a participant merged into another no longer takes commands"),
    ALREADY_MEMBER("already-member", "a participant joins the collaboration only while not a member"),
    NOT_MEMBER("not-member", "the participant must be a member of the collaboration"),
    MUNICIPALITY_JOINS_BY_COUNCIL_DECISION("municipality-joins-by-council-decision",
            "a municipality joins on its own council's decision, cited as an external authority"),
    BEFORE_REGISTRATION("effective-before-registration",
            "a fact about a participant cannot take effect before the participant was registered"),
    BEFORE_LAST_CHANGE("effective-before-last-change",
            "a participant's membership, region and merges change in date order"),
    DECISION_NOT_RECORDED("decision-not-recorded", "the cited steering-group decision must be recorded"),
    DECISION_ALREADY_RECORDED("decision-already-recorded", "a decision id is recorded once"),
    MEETING_DATE_IN_FUTURE("meeting-date-in-future", "a decision's meeting date cannot be in the future"),
    PREDECESSOR_NOT_REGISTERED("predecessor-not-registered", "every predecessor of a merge must be registered"),
    SUCCESSOR_ALREADY_REGISTERED("successor-already-registered",
            "a new merge successor must not be registered already"),
    PREDECESSOR_ALREADY_MERGED("predecessor-already-merged",
            "a predecessor is merged away once; only a split on the same date may give it further successors"),
    INITIATIVE_ALREADY_PROPOSED("initiative-already-proposed", "an initiative id is proposed once"),
    INITIATIVE_NOT_PROPOSED("initiative-not-awaiting-approval",
            "only a proposed initiative that is not yet approved can be approved"),
    INITIATIVE_NOT_APPROVED("initiative-not-approved", "the initiative must be approved and still running"),
    INITIATIVE_CLOSED("initiative-closed", "a completed or cancelled initiative takes no new participants"),
    INITIATIVE_COMPLETED("initiative-completed", "a completed initiative cannot be cancelled"),
    INITIATIVE_ALREADY_CANCELLED("initiative-already-cancelled", "an initiative is cancelled once"),
    ALREADY_IN_INITIATIVE("already-in-initiative", "a participant joins an initiative once"),
    NOT_IN_INITIATIVE("not-in-initiative", "only a participant of the initiative can leave it"),
    PROGRESS_DECREASED("progress-decreased", "an initiative's progress never goes below its last milestone"),
    BUDGET_NOT_SET("budget-not-set", "the year's secretariat budget must be set first"),
    BUDGET_REVISION_NEEDS_NEW_DECISION("budget-revision-needs-new-decision",
            "each decision sets a year's budget once; a revision needs a new decision"),
    ALLOCATIONS_EXCEED_BUDGET("allocations-exceed-budget", "allocations never exceed the year's budget"),
    COMPONENT_ALREADY_ADOPTED("component-already-adopted", "a national component is adopted once per participant"),
    ALREADY_ENROLLED("already-enrolled", "a participant enrols in a cohort once"),
    NOT_ENROLLED("not-enrolled", "completion needs an enrolment in that cohort"),
    COHORT_ALREADY_COMPLETED("cohort-already-completed", "a cohort is completed once"),
    MORE_COMPLETED_THAN_ENROLLED("more-completed-than-enrolled",
            "no more leaders complete a cohort than were enrolled in it");

    private final String code;
    private final String demand;

    Rule(String code, String demand) {
        this.code = code;
        this.demand = demand;
    }

    /**
     * The stable code callers see as the rejection's {@code rule}.
     *
     * @return the code, such as {@code not-member}
     */
    public String code() {
        return code;
    }

    /**
     * What the rule demands, as a sentence fragment.
     *
     * @return the demand, such as "the participant must be a member of the collaboration"
     */
    public String demand() {
        return demand;
    }
}
