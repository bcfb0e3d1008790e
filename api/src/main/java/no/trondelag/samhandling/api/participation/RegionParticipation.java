package no.trondelag.samhandling.api.participation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One region's participation.
 *
 * @param regionId                       the region
 * @param name                           its name
 * @param municipalitiesRegistered       municipalities registered in the region and not merged away
 * @param memberMunicipalities           of those, how many are members of the collaboration
 * @param participationRate              member municipalities / municipalities registered (4 decimals), or
 *                                       {@code null} when none is registered
 * @param populationTotal                population of the municipalities registered
 * @param populationCovered              population of the member municipalities
 * @param members                        every member in the region, municipalities and others
 * @param eFagraadEstablishedOn          when the region established its eFagråd, or {@code null}
 * @param strategyGroupRepresentativeId  the region's strategy-group representative, or {@code null}
 */
public record RegionParticipation(String regionId, String name, int municipalitiesRegistered,
                                  int memberMunicipalities, BigDecimal participationRate, long populationTotal,
                                  long populationCovered, List<ParticipantView> members,
                                  LocalDate eFagraadEstablishedOn, String strategyGroupRepresentativeId) {
}
