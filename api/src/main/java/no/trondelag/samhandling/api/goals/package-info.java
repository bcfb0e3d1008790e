/**
 * Progress towards the strategy's goals recorded per participant: digital maturity, national components, the competence
 * programme.
 */
package no.trondelag.samhandling.api.goals;
