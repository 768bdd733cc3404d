package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.excel.XlsxLimits;
import io.invitations.spi.ErrorCode;

import java.io.InputStream;

/**
 * Bounds the shape of one XML part while its bytes are read, whichever parser reads them (POI's DOM
 * for content types and relationships, XMLBeans for the workbook, our SAX handlers for the sheet,
 * shared strings and styles): element depth ({@link XlsxLimits#maxElementDepth()}), attributes per
 * element ({@link XlsxLimits#maxAttributesPerElement()}) and the length of one attribute value
 * ({@link XlsxLimits#maxAttributeChars()}). A part that opens hundreds of thousands of elements and
 * never closes them is stopped at the first element past the depth limit, before any parser has
 * built a stack for it. The scan is a small state machine over ASCII markup; UTF-8 is read byte by
 * byte (multi-byte characters never contain markup bytes), UTF-16 parts (by their first bytes) two
 * bytes at a time. Comments, CDATA and processing instructions are skipped. Total characters and
 * entity expansion are bounded elsewhere: the entry's expanded size ({@link ExpansionGuard}), and
 * DOCTYPEs, hence entities, are refused ({@link PrologGuard}).
 */
final class XmlShapeGuard extends InspectingStream {
    private enum State { TEXT, LT, BANG, BANG_DASH, BANG_BRACKET, COMMENT, CDATA, PI, DECL, END_TAG, TAG, VALUE }

    private final String name;
    private final ReadBudget budget;
    private final int maxDepth;
    private final int maxAttributes;
    private final int maxAttributeChars;

    private State state = State.TEXT;
    private int depth;
    private int attributes;
    private int valueChars;
    private char quote;
    private boolean slash;
    private char previous;
    private char beforePrevious;
    /** 0 before the encoding is known, 1 for byte-wide, 2 for UTF-16 LE, 3 for UTF-16 BE. */
    private int width;
    private int pending = -1;
    private int seen;

    XmlShapeGuard(InputStream in, String name, ReadBudget budget) {
        super(in);
        this.name = name;
        this.budget = budget;
        XlsxLimits limits = budget.limits();
        this.maxDepth = limits.maxElementDepth();
        this.maxAttributes = limits.maxAttributesPerElement();
        this.maxAttributeChars = limits.maxAttributeChars();
    }

    @Override
    void inspect(byte[] b, int off, int n) throws StoppedReading {
        for (int i = off; i < off + n; i++) {
            int unit = b[i] & 0xFF;
            if (width == 0) {
                if (pending < 0) {
                    pending = unit;
                    continue;
                }
                width = encoding(pending, unit);
                int first = pending;
                pending = -1;
                if (width == 1) {
                    step(first);
                    step(unit);
                } else {
                    step(width == 2 ? first | unit << 8 : first << 8 | unit);
                }
                continue;
            }
            if (width == 1) {
                step(unit);
            } else if (pending < 0) {
                pending = unit;
            } else {
                step(width == 2 ? pending | unit << 8 : pending << 8 | unit);
                pending = -1;
            }
        }
    }

    private static int encoding(int first, int second) {
        if ((first == 0xFF && second == 0xFE) || (first == '<' && second == 0)) {
            return 2;
        }
        if ((first == 0xFE && second == 0xFF) || (first == 0 && second == '<')) {
            return 3;
        }
        return 1;
    }

    private void step(int unit) throws StoppedReading {
        char c = (char) unit;
        seen++;
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = State.LT;
                }
            }
            case LT -> {
                if (c == '/') {
                    state = State.END_TAG;
                } else if (c == '?') {
                    state = State.PI;
                } else if (c == '!') {
                    state = State.BANG;
                } else {
                    open();
                }
            }
            case BANG -> state = c == '-' ? State.BANG_DASH : c == '[' ? State.BANG_BRACKET : State.DECL;
            case BANG_DASH -> state = c == '-' ? State.COMMENT : State.DECL;
            case BANG_BRACKET -> state = State.CDATA;
            case COMMENT -> {
                if (c == '>' && previous == '-' && beforePrevious == '-') {
                    state = State.TEXT;
                }
            }
            case CDATA -> {
                if (c == '>' && previous == ']' && beforePrevious == ']') {
                    state = State.TEXT;
                }
            }
            case PI -> {
                if (c == '>' && previous == '?') {
                    state = State.TEXT;
                }
            }
            case DECL -> {
                if (c == '>') {
                    state = State.TEXT;
                }
            }
            case END_TAG -> {
                if (c == '>') {
                    depth--;
                    state = State.TEXT;
                }
            }
            case TAG -> tag(c);
            case VALUE -> {
                if (c == quote) {
                    state = State.TAG;
                } else if (++valueChars > maxAttributeChars) {
                    throw stop("an attribute value longer than " + Sizes.count(maxAttributeChars) + " characters",
                            "maxAttributeChars");
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        beforePrevious = previous;
        previous = c;
    }

    private void open() throws StoppedReading {
        if (++depth > maxDepth) {
            throw stop("elements nested more than " + Sizes.count(maxDepth) + " deep", "maxElementDepth");
        }
        attributes = 0;
        slash = false;
        state = State.TAG;
    }

    private void tag(char c) throws StoppedReading {
        if (c == '>') {
            if (slash) {
                depth--;
            }
            state = State.TEXT;
        } else if (c == '"' || c == '\'') {
            quote = c;
            valueChars = 0;
            state = State.VALUE;
        } else if (c == '=') {
            if (++attributes > maxAttributes) {
                throw stop("an element with more than " + Sizes.count(maxAttributes) + " attributes",
                        "maxAttributesPerElement");
            }
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            slash = c == '/';
        }
    }

    private StoppedReading stop(String what, String limit) {
        return new StoppedReading(budget.stop(new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                "the workbook's part '" + Names.shorten(name) + "' holds " + what + " (near character "
                        + Sizes.count(seen) + "); spreadsheet programs never write that, so the file is refused."
                        + " If the file is genuine, raise XlsxLimits." + limit)));
    }
}
