package no.trondelag.samhandling.command.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Upcasts {@code InitiativeApproved} from revision 1 to 2: the budget in kroner, {@code "budgetNok": 1250000.00},
 * becomes an amount with its currency, {@code "budget": {"amount": 1250000.00, "currency": "NOK"}}. Revision 1 only
 * ever held kroner, so the currency is always NOK. The amount node is moved as it is, so it keeps its exact digits
 * provided the serializer reads JSON numbers as decimals.
 */
public class InitiativeApproved1_to_2Upcaster extends SingleEventUpcaster {

    /**
     * The stored type, spelled out rather than taken from the class: it names what the event store holds, which does
     * not change when the code does.
     */
    private static final String TYPE = "no.trondelag.samhandling.api.initiative.InitiativeApproved";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return REVISION_1.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_2, JsonNode.class, this::budgetWithCurrency);
    }

    private JsonNode budgetWithCurrency(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode kroner = event.remove("budgetNok");
        if (kroner != null && !kroner.isNull()) {
            ObjectNode budget = event.putObject("budget");
            budget.set("amount", kroner);
            budget.put("currency", "NOK");
        }
        return event;
    }
}
