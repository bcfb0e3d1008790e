package no.trondelag.samhandling.command.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.ControlCharacters;

/**
 * The shape every command must have before any handler sees it: required fields present, identifiers in their
 * formats, numbers and dates in range, strings of bounded length and free of control characters (see
 * {@link ControlCharacters}; only long free texts may hold line breaks and tabs). A field means the same in every
 * command, so the rules are keyed by field name, and a test checks that every field of every command has one.
 * <p>
 * Rules that depend on the ledger's state are not here; the command handlers enforce them.
 */
public final class CommandShape {

    private static final Pattern PARTICIPANT_ID = Pattern.compile("\\d{4}|\\d{9}");
    private static final Pattern REGION_ID = Pattern.compile("[a-z0-9-]{2,40}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final BigDecimal MAX_NOK = new BigDecimal("1000000000000");
    private static final int SHORT_TEXT = 300;
    private static final int LONG_TEXT = 20_000;
    private static final int MAX_ITEMS = 100;

    private static final FieldRule DECISION_ID = pattern(SLUG, "a slug such as sg-2018-05-02-07");
    private static final FieldRule PARTICIPANT_NUMBER =
            pattern(PARTICIPANT_ID, "a 4-digit municipality or 9-digit organisation number");

    /** Fields a command may leave out, as {@code CommandName.field}. */
    private static final Set<String> OPTIONAL = Set.of(
            "RegisterParticipant.regionId",
            "WithdrawFromCollaboration.reason",
            "RecordSteeringGroupDecision.caseNumber",
            "ProposeInitiative.description",
            "ProposeInitiative.proposedBy",
            "RecordMaturityAssessment.method");

    private static final Map<String, FieldRule> RULES = Map.ofEntries(
            Map.entry("participantId", PARTICIPANT_NUMBER),
            Map.entry("successorId", PARTICIPANT_NUMBER),
            Map.entry("predecessorIds", list(1, 20, PARTICIPANT_NUMBER)),
            Map.entry("regionId", pattern(REGION_ID, "a slug of 2 to 40 characters a-z, 0-9 and -")),
            Map.entry("decisionId", DECISION_ID),
            Map.entry("initiativeId", pattern(SLUG, "a slug such as felles-sak-arkiv")),
            Map.entry("name", shortText()),
            Map.entry("successorName", shortText()),
            Map.entry("title", shortText()),
            Map.entry("caseNumber", shortText()),
            Map.entry("milestone", shortText()),
            Map.entry("component", shortText()),
            Map.entry("cohort", shortText()),
            Map.entry("method", shortText()),
            Map.entry("proposedBy", shortText()),
            Map.entry("reason", longText()),
            Map.entry("text", longText()),
            Map.entry("description", longText()),
            Map.entry("points", list(0, MAX_ITEMS, longText())),
            Map.entry("kind", present()),
            Map.entry("pillar", present()),
            Map.entry("source", present()),
            Map.entry("effectiveDate", date()),
            Map.entry("meetingDate", date()),
            Map.entry("reachedOn", date()),
            Map.entry("assessedOn", date()),
            Map.entry("adoptedOn", date()),
            Map.entry("year", whole(2000, 2100)),
            Map.entry("population", whole(0, 10_000_000)),
            Map.entry("progressPercent", whole(0, 100)),
            Map.entry("leaders", whole(1, 100_000)),
            Map.entry("leadersCompleted", whole(0, 100_000)),
            Map.entry("goals", goals()),
            Map.entry("amountNok", money(false)),
            Map.entry("budgetNok", money(true)),
            Map.entry("requiredFte", decimal(BigDecimal.ZERO, new BigDecimal("1000"))),
            Map.entry("score", decimal(BigDecimal.ONE, new BigDecimal("5"))),
            Map.entry("authority", authority()));

    private CommandShape() {
    }

    /**
     * Checks a command's shape.
     *
     * @param command a command; only records (every command of the contract) have fields to check
     * @return every offending field; empty when the shape is right
     */
    public static List<FieldError> check(Object command) {
        List<FieldError> errors = new ArrayList<>();
        if (!command.getClass().isRecord()) {
            return errors;
        }
        String commandName = command.getClass().getSimpleName();
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            String field = component.getName();
            Object value = read(component, command);
            if (value == null) {
                if (!OPTIONAL.contains(commandName + "." + field)) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            FieldRule rule = RULES.get(field);
            if (rule == null) {
                throw new IllegalStateException("No shape rule for field " + commandName + "." + field);
            }
            rule.check(field, value, errors);
        }
        return errors;
    }

    /**
     * Whether a field name has a shape rule; used to prove that no command field escapes validation.
     *
     * @param field a record component name
     * @return {@code true} when a rule exists
     */
    public static boolean hasRule(String field) {
        return RULES.containsKey(field);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    @FunctionalInterface
    private interface FieldRule {
        void check(String field, Object value, List<FieldError> errors);
    }

    private static FieldRule present() {
        return (field, value, errors) -> {
        };
    }

    /** A single-line text: a name, a title, a case number. */
    private static FieldRule shortText() {
        return text(SHORT_TEXT, false);
    }

    /** A free text that may run over several lines: a decision's text and points, a description, a reason. */
    private static FieldRule longText() {
        return text(LONG_TEXT, true);
    }

    private static FieldRule text(int maxLength, boolean lineBreaksAllowed) {
        return (field, value, errors) -> {
            String text = (String) value;
            if (lineBreaksAllowed ? ControlCharacters.anyInFreeText(text) : ControlCharacters.anyInLine(text)) {
                errors.add(new FieldError(field, lineBreaksAllowed
                        ? "must not contain control characters other than line breaks and tabs"
                        : "must not contain control characters"));
            } else if (text.isBlank()) {
                errors.add(new FieldError(field, "must not be blank"));
            } else if (text.length() > maxLength) {
                errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            }
        };
    }

    private static FieldRule pattern(Pattern pattern, String description) {
        return (field, value, errors) -> {
            if (!pattern.matcher((String) value).matches()) {
                errors.add(new FieldError(field, "must be " + description));
            }
        };
    }

    private static FieldRule list(int minItems, int maxItems, FieldRule itemRule) {
        return (field, value, errors) -> {
            List<?> items = (List<?>) value;
            if (items.size() < minItems || items.size() > maxItems) {
                errors.add(new FieldError(field, "must have " + minItems + " to " + maxItems + " items"));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                String itemField = field + "[" + i + "]";
                if (items.get(i) == null) {
                    errors.add(new FieldError(itemField, "is required"));
                } else {
                    itemRule.check(itemField, items.get(i), errors);
                }
            }
        };
    }

    private static FieldRule date() {
        return (field, value, errors) -> {
            LocalDate date = (LocalDate) value;
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                errors.add(new FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
            }
        };
    }

    private static FieldRule whole(int min, int max) {
        return (field, value, errors) -> {
            int number = (Integer) value;
            if (number < min || number > max) {
                errors.add(new FieldError(field, "must be between " + min + " and " + max));
            }
        };
    }

    private static FieldRule decimal(BigDecimal min, BigDecimal max) {
        return (field, value, errors) -> {
            BigDecimal number = (BigDecimal) value;
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                errors.add(new FieldError(field, "must be between " + min + " and " + max));
            } else if (number.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(field, "must have at most two decimals"));
            }
        };
    }

    private static FieldRule money(boolean zeroAllowed) {
        return (field, value, errors) -> {
            BigDecimal amount = (BigDecimal) value;
            if (zeroAllowed ? amount.signum() < 0 : amount.signum() <= 0) {
                errors.add(new FieldError(field, zeroAllowed ? "must not be negative" : "must be greater than 0"));
            } else if (amount.compareTo(MAX_NOK) > 0) {
                errors.add(new FieldError(field, "must be at most " + MAX_NOK.toPlainString() + " NOK"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(field, "kroner have at most two decimals (øre)"));
            }
        };
    }

    private static FieldRule goals() {
        return (field, value, errors) -> {
            List<?> goals = (List<?>) value;
            if (goals.isEmpty() || goals.size() > 5) {
                errors.add(new FieldError(field, "must name 1 to 5 of the strategy's goals"));
            } else if (goals.stream().anyMatch(goal -> !(goal instanceof Integer number) || number < 1 || number > 5)) {
                errors.add(new FieldError(field, "goals are numbered 1 to 5"));
            } else if (new HashSet<>(goals).size() != goals.size()) {
                errors.add(new FieldError(field, "each goal is named once"));
            }
        };
    }

    private static FieldRule authority() {
        FieldRule shortText = shortText();
        FieldRule date = date();
        return (field, value, errors) -> {
            Authority authority = (Authority) value;
            boolean external = authority.body() != null || authority.caseNumber() != null || authority.date() != null;
            if (authority.decisionId() != null) {
                if (external) {
                    errors.add(new FieldError(field, "cites either a decisionId or an external body, caseNumber "
                            + "and date, not both"));
                } else {
                    DECISION_ID.check(field + ".decisionId", authority.decisionId(), errors);
                }
                return;
            }
            if (authority.body() == null) {
                errors.add(new FieldError(field + ".body", "is required for an external decision"));
            } else {
                shortText.check(field + ".body", authority.body(), errors);
            }
            if (authority.caseNumber() == null) {
                errors.add(new FieldError(field + ".caseNumber", "is required for an external decision"));
            } else {
                shortText.check(field + ".caseNumber", authority.caseNumber(), errors);
            }
            if (authority.date() == null) {
                errors.add(new FieldError(field + ".date", "is required for an external decision"));
            } else {
                date.check(field + ".date", authority.date(), errors);
            }
        };
    }
}
