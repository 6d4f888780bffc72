package dev.wavecraft.devserver.reload;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies state handed from one generation to the next, accepting only plain data: no object of
 * the old generation's classes may cross, or its class loader could never be collected.
 */
final class PlainData {

    private PlainData() {
    }

    /** @throws IllegalArgumentException naming where in the state a value is not plain data */
    static Object copy(Object value) {
        return copy(value, "state");
    }

    private static Object copy(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long || value instanceof Float || value instanceof Double) {
            return value;
        }
        if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
            int length = Array.getLength(value);
            Object copy = Array.newInstance(value.getClass().getComponentType(), length);
            System.arraycopy(value, 0, copy, 0, length);
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), where + "[" + i + "]"));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where + " has a key that is not a String: " + entry.getKey());
                }
                copy.put(key, copy(entry.getValue(), where + "." + key));
            }
            return copy;
        }
        throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
                + ", which is not plain data (use strings, numbers, booleans, primitive arrays, lists and maps)");
    }
}
