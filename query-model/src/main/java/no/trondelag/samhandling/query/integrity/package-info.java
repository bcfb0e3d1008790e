/**
 * Tamper evidence for the event store: a hash chain over every stored event in global-index order, kept in the
 * table {@code ledger_chain} and extended only over positions that have settled, digests of its head for auditors
 * to keep, and a verifier that recomputes the chain from the stored events to tell whether they are still exactly
 * those a digest covers, and where they first differ. The same hashing and verifying code checks an exported copy
 * of the events offline. ADR 0016 gives the rules.
 */
package no.trondelag.samhandling.query.integrity;
