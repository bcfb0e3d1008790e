/**
 * Value types and contracts shared by every feature: authority, identifiers, command outcomes and rejections.
 */
package no.trondelag.samhandling.api.common;
