"""Case views: My cases and Queues (`queue.CaseListView`), assigning (`assign`), the case page
(`case_page.CasePage`) and its actions. Import the modules themselves; this package imports none,
so a view pulls in only what it uses."""
