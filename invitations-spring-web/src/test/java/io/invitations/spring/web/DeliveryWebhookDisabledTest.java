package io.invitations.spring.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Base64;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayName("Delivery webhooks: every provider answers 404 until configured")
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class DeliveryWebhookDisabledTest {
    @Autowired
    MockMvc mvc;

    @Test
    void an_unconfigured_provider_answers_404_whatever_is_sent() throws Exception {
        String anyCredentials = "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes());
        for (String provider : new String[] {"amazon-ses", "sendgrid", "postmark", "mailgun"}) {
            mvc.perform(post("/invitations/webhooks/{p}", provider).contentType(MediaType.APPLICATION_JSON)
                            .content("[]").header(HttpHeaders.AUTHORIZATION, anyCredentials))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
    }
}
