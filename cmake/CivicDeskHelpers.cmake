# Project-wide helpers: warnings and the one-line test registration.

function(civicdesk_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# civicdesk_add_test(NAME tst_thing SOURCES a.cpp b.cpp LIBRARIES lib... LABELS unit [TIMEOUT s])
# Builds one QtTest executable and registers it with CTest under the given labels.
function(civicdesk_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_compile_definitions(${ARG_NAME} PRIVATE
        QT_NO_KEYWORDS
        CIVICDESK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CIVICDESK_BINARY_DIR="${PROJECT_BINARY_DIR}")
    civicdesk_set_warnings(${ARG_NAME})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}")
endfunction()
