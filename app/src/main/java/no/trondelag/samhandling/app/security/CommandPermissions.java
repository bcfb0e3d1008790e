package no.trondelag.samhandling.app.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import no.trondelag.samhandling.api.common.LedgerCommand;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which principal may send which command. SECRETARIAT may send every command. A PARTICIPANT may send only the
 * commands about its own participation (joining, withdrawing, maturity assessments, national components,
 * competence programme), and only for the participant it is bound to. AUDITOR and ADMIN send no commands.
 */
@Component
public class CommandPermissions {

    /** The commands a participant sends for itself. */
    public static final Set<String> PARTICIPANT_COMMANDS = Set.of(
            "JoinCollaboration", "WithdrawFromCollaboration", "RecordMaturityAssessment",
            "RecordNationalComponentAdoption", "EnrolInCompetenceProgramme", "CompleteCompetenceProgramme");

    /**
     * Requires the principal to be allowed to send a command of this name at all; checked before the body is read.
     *
     * @param authentication the principal
     * @param commandName    the command's name
     * @throws AccessDeniedException when it is not
     */
    public void requireMaySend(Authentication authentication, String commandName) {
        if (LedgerRoles.has(authentication, LedgerRoles.SECRETARIAT)) {
            return;
        }
        if (LedgerRoles.has(authentication, LedgerRoles.PARTICIPANT) && PARTICIPANT_COMMANDS.contains(commandName)) {
            return;
        }
        throw new AccessDeniedException("Your role may not send " + commandName);
    }

    /**
     * Requires a participant principal to act only for its own participant.
     *
     * @param authentication the principal
     * @param command        the command it sends
     * @throws AccessDeniedException when the command is about another participant
     */
    public void requireMayActFor(Authentication authentication, LedgerCommand command) {
        if (LedgerRoles.has(authentication, LedgerRoles.SECRETARIAT)) {
            return;
        }
        String bound = LedgerRoles.boundParticipant(authentication)
                .orElseThrow(() -> new AccessDeniedException("Your principal is bound to no participant"));
        String target = participantOf(command);
        if (!bound.equals(target)) {
            throw new AccessDeniedException("You may act only for participant " + bound + ", not for " + target);
        }
    }

    private static String participantOf(LedgerCommand command) {
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getName().equals("participantId")) {
                try {
                    return (String) component.getAccessor().invoke(command);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read participantId of " + command, e);
                }
            }
        }
        throw new AccessDeniedException(command.getClass().getSimpleName() + " names no participant");
    }
}
