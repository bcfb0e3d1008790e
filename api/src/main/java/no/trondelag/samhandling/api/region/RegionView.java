package no.trondelag.samhandling.api.region;

import java.time.LocalDate;

/**
 * A region as the ledger knows it at a read point.
 *
 * @param regionId                      the region's slug
 * @param name                          its name
 * @param eFagraadEstablishedOn         when it established its eFagråd, or {@code null}
 * @param strategyGroupRepresentativeId its strategy-group representative, or {@code null}
 */
public record RegionView(String regionId, String name, LocalDate eFagraadEstablishedOn,
                         String strategyGroupRepresentativeId) {
}
