/**
 * Value types and contracts shared by every feature: authority, money, identifiers, command outcomes and
 * rejections.
 */
package no.trondelag.samhandling.api.common;
