package no.trondelag.samhandling.api.region;

import no.trondelag.samhandling.api.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A regional collaboration arena was registered.
 */
@Revision("1")
public record RegionRegistered(
        String regionId,
        String name) implements LedgerEvent {
}
