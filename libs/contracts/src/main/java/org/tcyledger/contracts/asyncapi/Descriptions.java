package org.tcyledger.contracts.asyncapi;

/**
 * What a person reads in a document about a type or one of its fields (the first sentences of its documentation),
 * or null. Java keeps no documentation at run time, so whoever writes the document from the sources supplies it.
 */
public interface Descriptions {

    Descriptions NONE = new Descriptions() {
        @Override
        public String of(Class<?> type) {
            return null;
        }

        @Override
        public String of(Class<?> type, String field) {
            return null;
        }
    };

    String of(Class<?> type);

    String of(Class<?> type, String field);
}
