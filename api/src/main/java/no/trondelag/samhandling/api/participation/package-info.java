/**
 * Participants and their membership of the collaboration, including moves between regions and merges.
 */
package no.trondelag.samhandling.api.participation;
