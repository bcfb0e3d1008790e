package no.trondelag.samhandling.app.command;

import java.util.UUID;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.app.problem.NotReadyException;
import no.trondelag.samhandling.app.problem.UnknownCommandException;
import no.trondelag.samhandling.app.security.CommandPermissions;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/commands/{CommandName}}: the one way to change the ledger over HTTP. The body is the command's
 * fields as JSON; the answer names the appended events. Until the service is ready (the seed is in the ledger),
 * commands are refused with {@code 503}, since they might name what the seed has not recorded yet.
 */
@RestController
@RequestMapping("/api/commands")
class CommandController {

    private final CommandCatalogue catalogue;
    private final CommandDispatcher dispatcher;
    private final CommandBinder binder;
    private final CommandPermissions permissions;
    private final CommandPreconditions preconditions;
    private final ApplicationAvailability availability;

    CommandController(CommandCatalogue catalogue, CommandDispatcher dispatcher, CommandBinder binder,
                      CommandPermissions permissions, CommandPreconditions preconditions,
                      ApplicationAvailability availability) {
        this.preconditions = preconditions;
        this.availability = availability;
        this.catalogue = catalogue;
        this.dispatcher = dispatcher;
        this.binder = binder;
        this.permissions = permissions;
    }

    @PostMapping(path = "/{commandName}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResponse> send(@PathVariable String commandName, @RequestBody byte[] body,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch,
                                         @RequestHeader(name = "Idempotency-Key", required = false)
                                         String idempotencyKey,
                                         Authentication authentication) {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            throw new NotReadyException();
        }
        Class<? extends LedgerCommand> type = catalogue.find(commandName)
                .orElseThrow(() -> new UnknownCommandException(commandName));
        permissions.requireMaySend(authentication, commandName);
        LedgerCommand command = binder.bind(body, type);
        permissions.requireMayActFor(authentication, command);
        String actor = authentication.getName();
        CommandResponse response = dispatcher.dispatch(command, new CommandRequest(actor,
                UUID.randomUUID().toString(), preconditions.expectedVersion(ifMatch),
                preconditions.idempotencyKey(idempotencyKey),
                preconditions.requestHash(actor, commandName, command)));
        return ResponseEntity.ok()
                .eTag(Long.toString(response.version()))
                .body(response);
    }
}
