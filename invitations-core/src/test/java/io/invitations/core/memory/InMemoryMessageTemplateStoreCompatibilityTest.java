package io.invitations.core.memory;

import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.tck.MessageTemplateStoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the template store kit against the embedded default store. */
@DisplayName("InMemoryMessageTemplateStore keeps the template store contract")
class InMemoryMessageTemplateStoreCompatibilityTest extends MessageTemplateStoreCompatibilityKit {
    @Override
    protected MessageTemplateStore createStore() {
        return new InMemoryMessageTemplateStore();
    }
}
