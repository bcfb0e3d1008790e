/**
 * The ledger's integrity over HTTP and offline: digests of the hash chain for auditors to keep, verification of the
 * stored events against a saved digest, an export of the raw events with their hashes for archiving, and a command
 * line verifier that checks such an export against a digest with the same code the ledger uses. ADR 0016 gives the
 * rules; the chain itself is in the query model.
 */
package no.trondelag.samhandling.app.ledger;
