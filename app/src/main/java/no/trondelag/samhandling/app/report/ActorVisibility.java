package no.trondelag.samhandling.app.report;

import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.app.security.LedgerRoles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Decides whether the current reader may see who recorded each event. Decisions and reports are public
 * (offentleglova); the identity of the person who typed them in is for auditors only.
 */
@Component
public class ActorVisibility {

    /**
     * The entries as the current reader may see them.
     *
     * @param entries the entries with their actors
     * @return the same entries, without actors unless the reader is an auditor
     */
    public List<HistoryEntry> forCurrentReader(List<HistoryEntry> entries) {
        Authentication reader = SecurityContextHolder.getContext().getAuthentication();
        return LedgerRoles.has(reader, LedgerRoles.AUDITOR)
                ? entries
                : entries.stream().map(HistoryEntry::withoutActor).toList();
    }
}
