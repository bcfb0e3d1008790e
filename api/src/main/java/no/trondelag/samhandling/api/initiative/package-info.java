/**
 * Joint initiatives from proposal through approval, participation and milestones to completion or cancellation.
 */
package no.trondelag.samhandling.api.initiative;
