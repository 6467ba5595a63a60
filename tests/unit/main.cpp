// The Boost.Test runner for every unit test suite in tests/unit/ (one folder per stage of src/).
#define BOOST_TEST_MODULE jobmatch
#include <boost/test/unit_test.hpp>
