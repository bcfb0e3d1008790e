package no.trondelag.samhandling.app.command;

import java.security.Principal;
import java.util.UUID;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.app.problem.UnknownCommandException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/commands/{CommandName}}: the one way to change the ledger over HTTP. The body is the command's
 * fields as JSON; the answer names the appended events.
 */
@RestController
@RequestMapping("/api/commands")
class CommandController {

    /** The actor recorded when a request carries no authenticated principal. */
    static final String ANONYMOUS = "anonymous";

    private final CommandCatalogue catalogue;
    private final CommandDispatcher dispatcher;
    private final CommandBinder binder;

    CommandController(CommandCatalogue catalogue, CommandDispatcher dispatcher, CommandBinder binder) {
        this.catalogue = catalogue;
        this.dispatcher = dispatcher;
        this.binder = binder;
    }

    @PostMapping(path = "/{commandName}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResponse> send(@PathVariable String commandName, @RequestBody byte[] body,
                                         Principal principal) {
        Class<? extends LedgerCommand> type = catalogue.find(commandName)
                .orElseThrow(() -> new UnknownCommandException(commandName));
        LedgerCommand command = binder.bind(body, type);
        CommandResponse response = dispatcher.dispatch(command,
                principal == null ? ANONYMOUS : principal.getName(), UUID.randomUUID().toString());
        return ResponseEntity.ok()
                .eTag(Long.toString(response.version()))
                .body(response);
    }
}
