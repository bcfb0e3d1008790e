/**
 * Upcasters: each turns the stored JSON of one event from one revision into the next, so that the ledger reads
 * every stored event as its current record. One class per step, named {@code <Event><from>_to_<to>Upcaster}, and
 * one ordered chain of them, {@link no.trondelag.samhandling.command.upcasting.LedgerUpcasters}.
 */
package no.trondelag.samhandling.command.upcasting;
