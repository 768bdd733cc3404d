package io.invitations.core.memory;

import io.invitations.core.message.InMemoryMessageTemplateStore;
import io.invitations.core.message.MessageTemplateStore;
import io.invitations.core.message.MessageTemplateStoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the template store kit against the embedded default store. */
@DisplayName("InMemoryMessageTemplateStore keeps the template store contract")
class InMemoryMessageTemplateStoreCompatibilityTest extends MessageTemplateStoreCompatibilityKit {
    @Override
    protected MessageTemplateStore createStore() {
        return new InMemoryMessageTemplateStore();
    }
}
