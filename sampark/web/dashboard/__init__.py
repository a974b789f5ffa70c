"""The staff dashboard on /staff/: joins per day, call-back queues per child area, SMS sent and failed, reach rate
of call-backs, for one of the user's areas (dashboard.view). docs/dashboard.md says how the counts stay fast."""
