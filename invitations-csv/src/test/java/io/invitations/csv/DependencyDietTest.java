package io.invitations.csv;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pom drops OpenCSV's and ez-vcard's dependencies that plain CSV, vCard and LDIF work does not
 * need. The tests of this module run on that trimmed class path, so every passing import and export
 * test shows the rest is enough; this class shows the dropped libraries are really gone, and that the
 * one kept (commons-lang3) is there.
 */
@DisplayName("The trimmed class path")
class DependencyDietTest {

    @ParameterizedTest(name = "{0} is absent")
    @ValueSource(strings = {
            "org.apache.commons.beanutils.BeanUtils",             // commons-beanutils (OpenCSV bean binding)
            "org.apache.commons.collections4.MultiValuedMap",     // commons-collections4 (bean binding)
            "org.apache.commons.collections.CollectionUtils",     // commons-collections 3 (via beanutils)
            "org.apache.commons.logging.LogFactory",              // commons-logging (via beanutils)
            "org.apache.commons.text.TextStringBuilder",          // commons-text (ResultSet writing)
            "org.jsoup.Jsoup",                                    // jsoup (hCard parsing)
            "freemarker.template.Configuration"                   // freemarker (hCard writing)
    })
    @DisplayName("holds none of the dropped libraries")
    void droppedLibrariesAreAbsent(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest(name = "{0} is present")
    @ValueSource(strings = {
            "org.apache.commons.lang3.StringUtils",               // needed by CSVReader and RFC4180Parser
            "com.github.mangstadt.vinnie.io.VObjectReader",      // needed by ez-vcard's text reader
            "com.opencsv.RFC4180Parser",
            "ezvcard.io.text.VCardReader",
            "com.unboundid.ldif.LDIFReader"
    })
    @DisplayName("holds what the importers use")
    void neededLibrariesArePresent(String className) {
        assertThatCode(() -> Class.forName(className)).doesNotThrowAnyException();
    }
}
