# Compiles the price table (data/prices/*.csv) into dsaudit_lib, so the binary
# never looks for data files at run time. The .cpp is regenerated whenever a
# CSV changes; adding or removing a CSV re-runs CMake (CONFIGURE_DEPENDS).
file(GLOB DSAUDIT_PRICE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/prices/*.csv)
set(DSAUDIT_EMBEDDED_PRICES ${CMAKE_BINARY_DIR}/generated/embedded_prices.cpp)
add_custom_command(
  OUTPUT ${DSAUDIT_EMBEDDED_PRICES}
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${DSAUDIT_EMBEDDED_PRICES}
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
  DEPENDS ${DSAUDIT_PRICE_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
  COMMENT "Embedding data/prices/*.csv"
  VERBATIM)
target_sources(dsaudit_lib PRIVATE ${DSAUDIT_EMBEDDED_PRICES})
