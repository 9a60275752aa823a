// SPDX-License-Identifier: Apache-2.0
#include "lint/rules/registry.hpp"

namespace plinth::lint::rules {

std::unique_ptr<Rule> make_pl1001();
std::unique_ptr<Rule> make_pl1002();
std::unique_ptr<Rule> make_pl1003();
std::unique_ptr<Rule> make_pl1004();
std::unique_ptr<Rule> make_pl1005();
std::unique_ptr<Rule> make_pl1006();
std::unique_ptr<Rule> make_pl1007();
std::unique_ptr<Rule> make_pl1008();
std::unique_ptr<Rule> make_pl1009();
std::unique_ptr<Rule> make_pl1010();
std::unique_ptr<Rule> make_pl1011();
std::unique_ptr<Rule> make_pl1012();
std::unique_ptr<Rule> make_pl1013();
std::unique_ptr<Rule> make_pl1014();
std::unique_ptr<Rule> make_pl1015();
std::unique_ptr<Rule> make_pl1016();
std::unique_ptr<Rule> make_pl1017();
std::unique_ptr<Rule> make_pl2001();
std::unique_ptr<Rule> make_pl2002();
std::unique_ptr<Rule> make_pl2003();
std::unique_ptr<Rule> make_pl2004();
std::unique_ptr<Rule> make_pl2005();
std::unique_ptr<Rule> make_pl2006();
std::unique_ptr<Rule> make_pl2007();
std::unique_ptr<Rule> make_pl2008();
std::unique_ptr<Rule> make_pl2009();
std::unique_ptr<Rule> make_pl2010();
std::unique_ptr<Rule> make_pl3001();
std::unique_ptr<Rule> make_pl3002();
std::unique_ptr<Rule> make_pl3003();
std::unique_ptr<Rule> make_pl3004();
std::unique_ptr<Rule> make_pl3005();
std::unique_ptr<Rule> make_pl3006();
std::unique_ptr<Rule> make_pl3007();
std::unique_ptr<Rule> make_pl3008();
std::unique_ptr<Rule> make_pl4001();
std::unique_ptr<Rule> make_pl4002();
std::unique_ptr<Rule> make_pl4003();
std::unique_ptr<Rule> make_pl4004();
std::unique_ptr<Rule> make_pl4005();
std::unique_ptr<Rule> make_pl5001();
std::unique_ptr<Rule> make_pl6001();
std::unique_ptr<Rule> make_pl6002();
std::unique_ptr<Rule> make_pl6003();
std::unique_ptr<Rule> make_pl6004();

const std::vector<Factory>& factories() {
  static const std::vector<Factory> k_factories = {
      &make_pl1001, &make_pl1002, &make_pl1003, &make_pl1004, &make_pl1005, &make_pl1006,
      &make_pl1007, &make_pl1008, &make_pl1009, &make_pl1010, &make_pl1011, &make_pl1012,
      &make_pl1013, &make_pl1014, &make_pl1015, &make_pl1016, &make_pl1017, &make_pl2001,
      &make_pl2002, &make_pl2003, &make_pl2004, &make_pl2005, &make_pl2006, &make_pl2007,
      &make_pl2008, &make_pl2009, &make_pl2010, &make_pl3001, &make_pl3002, &make_pl3003,
      &make_pl3004, &make_pl3005, &make_pl3006, &make_pl3007, &make_pl3008, &make_pl4001,
      &make_pl4002, &make_pl4003, &make_pl4004, &make_pl4005, &make_pl5001, &make_pl6001,
      &make_pl6002, &make_pl6003, &make_pl6004,
  };
  return k_factories;
}

} // namespace plinth::lint::rules
