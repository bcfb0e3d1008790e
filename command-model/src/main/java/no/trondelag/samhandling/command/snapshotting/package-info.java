/**
 * Aggregate snapshots: the trigger the aggregates with long histories name, and how a snapshot of an aggregate is
 * written as JSON.
 */
package no.trondelag.samhandling.command.snapshotting;
