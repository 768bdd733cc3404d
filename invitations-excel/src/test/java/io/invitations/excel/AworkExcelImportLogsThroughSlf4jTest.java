package io.invitations.excel;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * awork's Excel import in an SLF4J host: adding {@code invitations-excel} must not print "Log4j API
 * could not find a logging provider", and POI's messages must reach the host's SLF4J logging.
 */
@DisplayName("awork: POI's logging reaches the host's SLF4J, so adding invitations-excel prints no provider warning")
class AworkExcelImportLogsThroughSlf4jTest {
    @Test
    @DisplayName("the Log4j API POI logs through finds the SLF4J bridge as its provider")
    void poiLoggingIsRoutedToSlf4j() {
        assertThat(LogManager.getContext(false).getClass().getName()).startsWith("org.apache.logging.slf4j.");
        assertThat(LogManager.getLogger("org.apache.poi.ooxml.POIXMLDocument").getClass().getName())
                .startsWith("org.apache.logging.slf4j.");
    }
}
